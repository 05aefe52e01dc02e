/* The floor of `make bench`: what libcsv and libxlsxwriter cost alone on the recap's input and
 * output, with no recap logic.
 *
 *   cc -O2 -Wall -Wextra -o bench/out/floor bench/floor/floor.c -lcsv -lxlsxwriter
 *   bench/out/floor DEFINITIONS.csv FORMS_DIR OUT.xlsx
 *
 * Reads: the definitions and every .csv in FORMS_DIR (in name order) with libcsv, same options as
 * SakipCSV (CSV_STRICT | CSV_STRICT_FINI, no space trimming, ';' or ',' by the header line, a
 * UTF-8 BOM skipped, Windows-1252 forms converted to UTF-8). Numbers are converted (thousands
 * separators dropped, decimal comma or point by the delimiter). The definitions are only parsed
 * and counted (rows, rows with a pagu: to create the continuation sheets up front, in sakip's
 * sheet order); nothing of them is joined to the forms.
 *
 * Writes, with libxlsxwriter in constant-memory mode (inline strings, also for a small corpus
 * where sakip uses shared strings; temporary files beside OUT.xlsx), the workbook shape of
 * `sakip recap --period TW2`: the sheets Ringkasan, Pengukuran, Anggaran, Kelengkapan,
 * Validasi, E.81, Sumber in that order (a table longer than Excel's 1,048,576 rows continues on
 * `Pengukuran (2)`… placed after its first sheet), each with sakip's title rows, header rows
 * (merged group headers on Pengukuran and E.81), column widths, frozen panes, autofilter,
 * conditional formats on the capaian columns (the five category colours), repeated header rows
 * and A4 landscape fit-to-width page setup with the same footer; the same 25 cell formats
 * (`#,##0`, `#,##0.00##`, `0.00`, `0`, borders, fills) and the category chart on Ringkasan.
 *
 * One row per form row with a code, in form order (no join, no merge), on Pengukuran (24 cells)
 * and E.81 (14 cells), plus one Anggaran row (11 cells) when the form row has a budget
 * realisation. Per column the cell kind is sakip's: inline string, number, formula with a
 * cached number (`N10*100/M10`, `SUM(I12,K12)`, `MAX(0,(2*E14-K14)*100/E14)`,
 * `'Pengukuran'!$R$9`… built with snprintf from the row number), or a styled blank. What sakip
 * takes from the definitions or computes is filled by trivial rules instead:
 *   - level from the number of dots in the code; penanggung jawab = the form's unit kerja;
 *   - polaritas (1 in 10 negatif), agregasi (64 % akhir, 20 % jumlah, 12 % rata-rata, 2 %
 *     maks/min) and "no quarterly targets" (3 in 10; 1 in 10 for jumlah, which then reads
 *     `tanpa target periode`) from a hash of the row number, in sakip's proportions on the
 *     corpus; the quarterly targets are the form's annual target; the pagu is twice the
 *     budget realised (the forms have none);
 *   - cached values are plain arithmetic on the row's numbers (ratio × 100, 0 when the
 *     denominator is 0), the category is the cached capaian against 91/76/66/51;
 *   - a target that is not a number (a grade) writes the texts and `tercapai`; an empty or `-`
 *     realisation TW II writes `belum dilaporkan` / `belum lengkap: TW II` and a note.
 * Validasi: one row per finding of the three kinds sakip reports on the corpus, each read off
 * the form row alone (hence the same count, 2,947 on the province corpus): KESALAHAN when the
 * realisation TW II is empty or `-`; PERINGATAN when Bukti Dukung is empty, and when TW II is
 * over 5× or under 1/5 of TW I by at least half the target; with the file's line number and
 * the form's own column header. Kelengkapan and Ringkasan's per-unit table: one row per form
 * from counts kept while writing (rows, empty TW II, findings, categories written); Ringkasan's
 * heading block and category table from their sums. Sumber: one row per input file (path,
 * size, a 64-character placeholder where sakip writes the SHA-256 — a SHA-256 in C without a
 * library is not needed to measure the writing —, encoding, delimiter, records), then the
 * command line, a version and a fixed creation date.
 *
 * Not done: sakip's recap itself (the join with the definitions, merging forms and conflicts,
 * the measurement rules, the other validation checks), the SHA-256, the signature block (sakip
 * writes it only with --signer, not in the reference runs), the JSON report, shared strings.
 */
#include <csv.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#define MAXF 24
#define CAP 4096
#ifndef MAXROW
#define MAXROW 1048576 /* Excel's rows per sheet (-DMAXROW=120 to see continuation sheets) */
#endif
#define MAXPAGES 64

struct row {
  char f[MAXF][CAP];
  size_t len[MAXF];
  int n;
};

/* One input file: Sumber's row; for a form also Kelengkapan's and Ringkasan's. */
struct file {
  char *path, *unit;
  const char *name; /* the path's last component */
  const char *enc;
  char delim[2];
  long size, records, line, indicators, empty, warnings, cat[9]; /* line: where the record starts */
};

struct state {
  struct row row;
  int comma, cp1252, header, defs, newlines; /* newlines: quoted line breaks in this record */
  char h_r2[CAP], h_bukti[CAP]; /* the form's header texts, for Validasi */
  long records, numbers, indicators, pagu_rows;
  double checksum;
  struct file *files; /* [0] the definitions */
  size_t nfiles;
  lxw_workbook *wb;
};

enum { RINGKASAN, PENGUKURAN, ANGGARAN, KELENGKAPAN, VALIDASI, E81, SUMBER, NSHEETS };
enum { F_NONE, F_TITLE, F_BOLD, F_YEAR, F_HEAD, F_ST, F_TEXT, F_INT, F_PCT, F_T, F_SD, F_R, F_SR,
       F_SUMB, F_SUMN, F_WRAP, F_OK, F_WARN, F_NOTE, F_GROUP, F_DEC, F_NA, F_PER, F_KES, F_IND1,
       F_IND2, NFMT };
static lxw_format *fm[NFMT], *dxf[5];

static const char *NAME[NSHEETS] = {"Ringkasan", "Pengukuran", "Anggaran", "Kelengkapan", "Validasi", "E.81", "Sumber"};
static const char *TITLE[NSHEETS] = {NULL, "Pengukuran kinerja", "Realisasi anggaran",
  "Kelengkapan formulir per unit kerja", "Temuan validasi",
  "Evaluasi terhadap hasil RKPD (Formulir E.81 Permendagri 86/2017)", "Sumber data"};
static const char *NOTE[NSHEETS] = {NULL,
  "Capaian dan progres dalam persen (95,50 = 95,50%). Kategori: Sangat Tinggi ≥ 91; Tinggi ≥ 76; "
  "Sedang ≥ 66; Rendah ≥ 51; Sangat Rendah < 51.",
  "Serapan = realisasi s.d. triwulan ÷ pagu × 100; efisiensi = capaian kinerja − serapan (poin persen).",
  NULL, NULL, "K = kinerja, Rp = anggaran. Tingkat capaian = realisasi s.d. triwulan terhadap target "
  "tahunan dan pagu.", NULL};
static const lxw_row_t TOP[NSHEETS] = {30, 5, 4, 4, 4, 5, 4};                   /* first data row */
static const lxw_row_t END[NSHEETS] = {MAXROW, MAXROW - 8, MAXROW, MAXROW, MAXROW, MAXROW, MAXROW - 4};
static const int FREEZE[NSHEETS][2] = {{1, 0}, {5, 3}, {4, 2}, {4, 0}, {4, 0}, {5, 3}, {4, 0}};
static const int CF[NSHEETS][4] = {{-1}, {14, 17, 19, -1}, {9, -1}, {-1}, {-1}, {12, -1}, {-1}};
static const double WIDTH[NSHEETS][24] = {
  {34, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14},
  {12, 12, 45, 12, 12, 12, 24, 14, 13, 14, 14, 14, 12, 14, 14, 14, 14, 14, 12, 14, 35, 40, 40, 35},
  {12, 45, 24, 12, 14, 14, 14, 13, 14, 14, 14},
  {34, 40, 12, 14, 14, 12, 12, 12},
  {12, 13, 28, 40, 12, 12, 12, 80},
  {12, 12, 45, 12, 14, 12, 14, 14, 14, 14, 14, 14, 14, 14},
  {40, 14, 68, 12, 12, 12}};
static const int NCOLS[NSHEETS] = {14, 24, 11, 8, 8, 14, 6};
static const char *LABELS[NSHEETS][24] = {
  {NULL},
  {"Kode", "Level", "Indikator", "Satuan", "Polaritas", "Agregasi", "Penanggung jawab", "Target tahunan",
   "Target TW I", "Realisasi TW I", "Target TW II", "Realisasi TW II", "Target S1", "Realisasi S1",
   "Capaian S1 (%)", "Target s.d. TW II", "Realisasi s.d. TW II", "Capaian s.d. TW II (%)", "Kategori",
   "Progres terhadap target tahunan (%)", "Catatan pengukuran", "Kendala", "Tindak lanjut", "Bukti dukung"},
  {"Kode", "Indikator", "Penanggung jawab", "Pagu (Rp)", "Realisasi anggaran TW I (Rp)",
   "Realisasi anggaran TW II (Rp)", "Realisasi anggaran s.d. TW II (Rp)", "Serapan (%)", "Sisa anggaran (Rp)",
   "Capaian kinerja s.d. TW II (%)", "Efisiensi (%)"},
  {"Unit kerja", "Formulir diterima", "Indikator", "Dilaporkan lengkap", "Nilai kosong", "Kesalahan",
   "Peringatan", "Status"},
  {"Tingkat", "Pemeriksaan", "Unit kerja", "Berkas", "Baris", "Kolom", "Kode", "Pesan"},
  {"Kode", "Uraian", "Indikator kinerja", "Satuan", "Target tahunan (K)", "Pagu (Rp)", "Realisasi TW I (K)",
   "Realisasi TW I (Rp)", "Realisasi TW II (K)", "Realisasi TW II (Rp)", "Realisasi s.d. TW II (K)",
   "Realisasi s.d. TW II (Rp)", "Tingkat capaian (K) (%)", "Tingkat capaian (Rp) (%)"},
  {"Berkas", "Ukuran (byte)", "SHA-256", "Encoding", "Pemisah", "Baris"}};
/* Merged group headers above the column labels: first column, last column, text. */
struct group { int first, last; const char *text; };
static const struct group GROUPS_P[] = {{0, 7, "Indikator kinerja"}, {8, 9, "TW I"}, {10, 11, "TW II"},
  {12, 14, "Semester I"}, {15, 17, "s.d. TW II"}, {18, 23, "Hasil dan keterangan"}, {-1, 0, NULL}};
static const struct group GROUPS_E[] = {{0, 3, "Program / kegiatan / subkegiatan"},
  {4, 5, "Target kinerja dan anggaran tahun berjalan"}, {6, 7, "Realisasi TW I"}, {8, 9, "Realisasi TW II"},
  {10, 11, "Realisasi s.d. TW II"}, {12, 13, "Tingkat capaian s.d. TW II (%)"}, {-1, 0, NULL}};
static const char *CATEGORY[9] = {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah",
  "Tercapai (kualitatif)", "Tidak tercapai (kualitatif)", "Belum lengkap", "Tidak dapat diukur"};
static const char *RANGE[9] = {"≥ 91", "76 – < 91", "66 – < 76", "51 – < 66", "< 51", "status", "status",
  "data belum dilaporkan", "mis. target 0"};
static const int CAT_FMT[9] = {F_ST, F_T, F_SD, F_R, F_SR, F_TEXT, F_TEXT, F_TEXT, F_TEXT};
static const char *CREATED = "1 Juli 2025 07:00 WIB", *PERIOD = " — TW II (s.d. TW II), tahun 2025";
static const char *NOT_REPORTED = "belum dilaporkan", *INCOMPLETE = "belum lengkap: TW II",
  *NO_TARGET = "tanpa target periode";

/* Each sheet is a table of one or more pages (`Pengukuran`, `Pengukuran (2)`…). */
struct table {
  lxw_worksheet *ws[MAXPAGES];
  lxw_row_t last[MAXPAGES]; /* last data row written on each page */
  int pages, page;
  lxw_row_t row; /* next data row on ws[page] */
};
static struct table T[NSHEETS];

/* The cell writers write to row R of sheet W. */
static lxw_worksheet *W;
static lxw_row_t R;
static char buf[256];

static void str(int c, const char *v, int f) { worksheet_write_string(W, R, (lxw_col_t)c, v, fm[f]); }
static void num(int c, double v, int f) { worksheet_write_number(W, R, (lxw_col_t)c, v, fm[f]); }
static void blank(int c, int f) { worksheet_write_blank(W, R, (lxw_col_t)c, fm[f]); }
__attribute__((format(printf, 4, 5))) static void fml(int c, double v, int f, const char *text, ...) {
  va_list ap;
  va_start(ap, text);
  vsnprintf(buf, sizeof buf, text, ap);
  va_end(ap);
  worksheet_write_formula_num(W, R, (lxw_col_t)c, buf, fm[f], v);
}

/* A cell format: thin border and top alignment when `cell`, the number format, bold, fill. */
static lxw_format *nf(lxw_workbook *wb, int cell, const char *numfmt, int bold, lxw_color_t fill) {
  lxw_format *f = workbook_add_format(wb);
  if (cell) format_set_border(f, LXW_BORDER_THIN), format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (numfmt) format_set_num_format(f, numfmt);
  if (bold) format_set_bold(f);
  if (fill) format_set_bg_color(f, fill);
  return f;
}

static void make_formats(lxw_workbook *wb) {
  fm[F_TITLE] = nf(wb, 0, NULL, 1, 0), format_set_font_size(fm[F_TITLE], 14);
  fm[F_BOLD] = nf(wb, 0, NULL, 1, 0);
  fm[F_YEAR] = nf(wb, 0, "0", 0, 0), format_set_align(fm[F_YEAR], LXW_ALIGN_LEFT);
  fm[F_HEAD] = nf(wb, 0, NULL, 1, 0xD9E1F2);
  format_set_border(fm[F_HEAD], LXW_BORDER_THIN), format_set_text_wrap(fm[F_HEAD]);
  format_set_align(fm[F_HEAD], LXW_ALIGN_CENTER), format_set_align(fm[F_HEAD], LXW_ALIGN_VERTICAL_CENTER);
  fm[F_ST] = nf(wb, 1, NULL, 1, 0x1E8449), format_set_font_color(fm[F_ST], LXW_COLOR_WHITE);
  fm[F_TEXT] = nf(wb, 1, NULL, 0, 0);
  fm[F_INT] = nf(wb, 1, "#,##0", 0, 0);
  fm[F_PCT] = nf(wb, 1, "0.00", 0, 0);
  fm[F_T] = nf(wb, 1, NULL, 1, 0x82E0AA);
  fm[F_SD] = nf(wb, 1, NULL, 1, 0xF9E79F);
  fm[F_R] = nf(wb, 1, NULL, 1, 0xF5B041);
  fm[F_SR] = nf(wb, 1, NULL, 1, 0xC0392B), format_set_font_color(fm[F_SR], LXW_COLOR_WHITE);
  fm[F_SUMB] = nf(wb, 0, NULL, 1, 0), format_set_border(fm[F_SUMB], LXW_BORDER_THIN);
  fm[F_SUMN] = nf(wb, 0, "#,##0", 1, 0), format_set_border(fm[F_SUMN], LXW_BORDER_THIN);
  fm[F_WRAP] = nf(wb, 1, NULL, 0, 0), format_set_text_wrap(fm[F_WRAP]);
  fm[F_OK] = nf(wb, 1, NULL, 1, 0xC6EFCE);
  fm[F_WARN] = nf(wb, 1, NULL, 1, 0xFFEB9C);
  fm[F_NOTE] = nf(wb, 0, NULL, 0, 0), format_set_italic(fm[F_NOTE]);
  fm[F_GROUP] = nf(wb, 0, NULL, 1, 0xB4C6E7), format_set_border(fm[F_GROUP], LXW_BORDER_THIN);
  format_set_align(fm[F_GROUP], LXW_ALIGN_CENTER), format_set_align(fm[F_GROUP], LXW_ALIGN_VERTICAL_CENTER);
  fm[F_DEC] = nf(wb, 1, "#,##0.00##", 0, 0);
  fm[F_NA] = nf(wb, 1, NULL, 0, 0), format_set_italic(fm[F_NA]), format_set_font_color(fm[F_NA], 0x7F7F7F);
  format_set_text_wrap(fm[F_NA]);
  fm[F_PER] = nf(wb, 1, NULL, 1, 0xFFEB9C), format_set_font_color(fm[F_PER], 0x9C5700);
  fm[F_KES] = nf(wb, 1, NULL, 1, 0xFFC7CE), format_set_font_color(fm[F_KES], 0x9C0006);
  fm[F_IND1] = nf(wb, 1, NULL, 0, 0), format_set_align(fm[F_IND1], LXW_ALIGN_LEFT), format_set_indent(fm[F_IND1], 1);
  fm[F_IND2] = nf(wb, 1, NULL, 0, 0), format_set_align(fm[F_IND2], LXW_ALIGN_LEFT), format_set_indent(fm[F_IND2], 2);
  static const lxw_color_t colour[5] = {0x1E8449, 0x82E0AA, 0xF9E79F, 0xF5B041, 0xC0392B};
  for (int i = 0; i < 5; i++) {
    dxf[i] = workbook_add_format(wb);
    format_set_bg_color(dxf[i], colour[i]);
    if (i == 0 || i == 4) format_set_font_color(dxf[i], LXW_COLOR_WHITE);
  }
}

/* Adds a page of sheet k (`Pengukuran`, then `Pengukuran (2)`…) with its top rows. */
static void add_page(lxw_workbook *wb, int k) {
  struct table *t = &T[k];
  if (t->pages == MAXPAGES) { fprintf(stderr, "%s: too many rows\n", NAME[k]); exit(1); }
  char name[32];
  if (t->pages) snprintf(name, sizeof name, "%s (%d)", NAME[k], t->pages + 1);
  else snprintf(name, sizeof name, "%s", NAME[k]);
  W = t->ws[t->pages] = workbook_add_worksheet(wb, name);
  t->last[t->pages++] = TOP[k] - 1;
  for (int c = 0; c < NCOLS[k]; c++) worksheet_set_column(W, (lxw_col_t)c, (lxw_col_t)c, WIDTH[k][c], NULL);
  worksheet_freeze_panes(W, (lxw_row_t)FREEZE[k][0], (lxw_col_t)FREEZE[k][1]);
  worksheet_set_landscape(W);
  worksheet_set_paper(W, 9);
  worksheet_fit_to_pages(W, 1, 0);
  worksheet_set_margins(W, 0.4, 0.4, 0.5, 0.5);
  worksheet_set_footer(W, "&LRekapitulasi Capaian Kinerja&RHalaman &P dari &N");
  if (k == RINGKASAN) return; /* written at the end, from the counts */
  const struct group *g = k == PENGUKURAN ? GROUPS_P : k == E81 ? GROUPS_E : NULL;
  worksheet_repeat_rows(W, TOP[k] - (g ? 2 : 1), TOP[k] - 1);
  R = 0, str(0, "Rekapitulasi Capaian Kinerja", F_TITLE);
  snprintf(buf, sizeof buf, "%s%s", TITLE[k], PERIOD);
  R = 1, str(0, buf, F_BOLD);
  if (NOTE[k]) R = 2, str(0, NOTE[k], F_NOTE);
  for (; g && g->text; g++)
    worksheet_merge_range(W, 3, (lxw_col_t)g->first, 3, (lxw_col_t)g->last, g->text, fm[F_GROUP]);
  R = TOP[k] - 1;
  for (int c = 0; c < NCOLS[k]; c++) str(c, LABELS[k][c], F_HEAD);
  t->row = TOP[k];
}

/* Points W and R at the next data row of sheet k, going on to the next page when full. */
static void next_row(lxw_workbook *wb, int k) {
  struct table *t = &T[k];
  if (t->row >= END[k]) {
    if (++t->page == t->pages) add_page(wb, k); /* more rows than the definitions announced */
    t->row = TOP[k];
  }
  W = t->ws[t->page];
  R = t->last[t->page] = t->row++;
}

/* Autofilter and category colours over each page's rows, once they are known. */
static void finish_tables(void) {
  double lo[5] = {91, 76, 66, 51, -1e300}, hi[5] = {1e300, 91, 76, 66, 51};
  for (int i = 0; i < 5; i++) lo[i] -= lo[i] > 0 ? lo[i] * 1e-12 : 0, hi[i] -= hi[i] < 1e300 ? hi[i] * 1e-12 : 0;
  for (int k = PENGUKURAN; k < NSHEETS; k++)
    for (int p = 0; p < T[k].pages; p++) {
      lxw_row_t last = T[k].last[p];
      worksheet_autofilter(T[k].ws[p], TOP[k] - 1, 0, last, (lxw_col_t)(NCOLS[k] - 1));
      for (int j = 0; CF[k][j] >= 0 && last >= TOP[k]; j++)
        for (int i = 0; i < 5; i++) {
          lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN,
                                       .min_value = lo[i], .max_value = hi[i], .format = dxf[i]};
          worksheet_conditional_format_range(T[k].ws[p], TOP[k], (lxw_col_t)CF[k][j], last, (lxw_col_t)CF[k][j], &cf);
        }
    }
}

static const unsigned short CP1252[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
  0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
  0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static void on_field(void *data, size_t len, void *ctx) {
  struct state *s = ctx;
  if (s->row.n >= MAXF) return;
  int i = s->row.n++;
  char *dst = s->row.f[i];
  size_t o = 0;
  const unsigned char *src = data;
  for (const unsigned char *p = src; (p = memchr(p, '\n', (size_t)(src + len - p))); p++) s->newlines++;
  for (size_t k = 0; k < len && o + 4 < CAP; k++) {
    unsigned c = src[k];
    if (!s->cp1252 || c < 0x80) { dst[o++] = (char)c; continue; }
    unsigned u = c < 0xA0 ? CP1252[c - 0x80] : c;
    if (u < 0x800) { dst[o++] = (char)(0xC0 | u >> 6); dst[o++] = (char)(0x80 | (u & 0x3F)); }
    else { dst[o++] = (char)(0xE0 | u >> 12); dst[o++] = (char)(0x80 | ((u >> 6) & 0x3F)); dst[o++] = (char)(0x80 | (u & 0x3F)); }
  }
  dst[o] = 0;
  s->row.len[i] = o;
}

/* The number in field i, or 0 with *ok = 0 when empty or not a number. */
static double number(struct state *s, int i, int *ok) {
  *ok = 0;
  if (i >= s->row.n || s->row.len[i] == 0) return 0;
  char b[64];
  size_t o = 0;
  for (const char *p = s->row.f[i]; *p && o < sizeof b - 1; p++) {
    if (*p == (s->comma ? '.' : ',')) continue;
    b[o++] = *p == ',' ? '.' : *p;
  }
  b[o] = 0;
  char *end;
  double v = strtod(b, &end);
  if (end == b || *end) return 0;
  *ok = 1;
  s->numbers++;
  s->checksum += v;
  return v;
}

static const char *field(struct state *s, int i) { return i < s->row.n ? s->row.f[i] : ""; }
static int has_decimals(struct state *s, int i) { return strchr(field(s, i), s->comma ? ',' : '.') != NULL; }
static double pct(double a, double b) { return b == 0 ? 0 : a * 100 / b; }
static double neg_pct(double t, double r) { double v = pct(2 * t - r, t); return v < 0 ? 0 : v; }
static unsigned mix(long n, unsigned salt) { return (unsigned)(((unsigned long)n * 0x9E3779B97F4A7C15ul + salt * 0x632BE5ABul) >> 40); }

enum { AKHIR, JUMLAH, RATA, MAKS, MIN };
static const char *AGG_NAME[5] = {"akhir", "jumlah", "rata-rata", "maks", "min"};
static const char *AGG_FN[5] = {NULL, "SUM", "AVERAGE", "MAX", "MIN"};

/* Writes into b the period value of cells c1, c2 by agregasi (`H7` when annual). */
static void aggregate(char *b, int agg, char c1, char c2, unsigned r, int annual) {
  if (annual) snprintf(b, 32, "H%u", r);
  else if (agg == AKHIR) snprintf(b, 32, "%c%u", c2, r);
  else snprintf(b, 32, "%s(%c%u,%c%u)", AGG_FN[agg], c1, r, c2, r);
}

/* A form row with a code: its Pengukuran, E.81 and Anggaran rows and its Validasi findings. */
static void indicator(struct state *s) {
  struct file *fl = &s->files[s->nfiles - 1];
  long n = ++s->indicators;
  fl->indicators++;
  int ot, o1, o2, oa1, oa2;
  double t = number(s, 3, &ot), r1 = number(s, 4, &o1), r2 = number(s, 5, &o2);
  double a1 = number(s, 6, &oa1), a2 = number(s, 7, &oa2);
  const char *code = field(s, 0), *wording = field(s, 1), *unit = field(s, 2);
  int qual = !ot, budget = oa1 || oa2;
  int missing = !*field(s, 5) || !strcmp(field(s, 5), "-");
  unsigned h = mix(n, 1) % 100;
  int agg = h < 64 ? AKHIR : h < 84 ? JUMLAH : h < 96 ? RATA : h < 98 ? MAKS : MIN;
  int notw = (int)(mix(n, 2) % 10) < (agg == JUMLAH ? 1 : 3), no_target = agg == JUMLAH && notw;
  int neg = mix(n, 3) % 10 == 0;
  int numf = has_decimals(s, 3) || has_decimals(s, 4) || has_decimals(s, 5) ? F_DEC : F_INT;
  int dots = 0;
  for (const char *p = code; *p; p++) dots += *p == '.';
  const char *level = dots == 0 ? "Program" : dots == 1 ? "Kegiatan" : "Subkegiatan";
  /* the cached values: targets I = K = H = t */
  double tp = agg == JUMLAH ? 2 * t : t;
  double rp = agg == AKHIR ? r2 : agg == JUMLAH ? r1 + r2 : agg == RATA ? (r1 + r2) / 2
            : agg == MAKS ? (r1 > r2 ? r1 : r2) : (r1 < r2 ? r1 : r2);
  double cap = neg ? neg_pct(tp, rp) : pct(rp, tp), prog = neg ? neg_pct(t, rp) : pct(rp, t);
  int cat = qual ? 5 : missing ? 7 : no_target ? 8 : cap >= 91 ? 0 : cap >= 76 ? 1 : cap >= 66 ? 2 : cap >= 51 ? 3 : 4;
  fl->cat[cat]++;
  char target[32], real[32];

  next_row(s->wb, PENGUKURAN);
  unsigned r = R + 1;
  int page = T[PENGUKURAN].page;
  str(0, code, F_TEXT), str(1, level, F_TEXT), str(2, wording, F_WRAP), str(3, unit, F_TEXT);
  str(4, neg ? "negatif" : "positif", F_TEXT), str(5, AGG_NAME[agg], F_TEXT), str(6, fl->unit, F_WRAP);
  if (qual) {
    const char *v[] = {field(s, 3), field(s, 3), field(s, 4), field(s, 3), field(s, 5), field(s, 3), field(s, 5)};
    for (int c = 7; c <= 13; c++) str(c, *v[c - 7] ? v[c - 7] : NOT_REPORTED, F_TEXT);
    str(15, v[0], F_TEXT), str(16, *v[4] ? v[4] : NOT_REPORTED, F_TEXT);
    str(14, "tercapai", F_OK), str(17, "tercapai", F_OK), str(18, "kualitatif: tercapai", F_OK);
    str(19, "tercapai", F_OK), blank(20, F_WRAP);
  } else {
    aggregate(target, agg, 'I', 'K', r, notw && agg != JUMLAH);
    aggregate(real, agg, 'J', 'L', r, 0);
    num(7, t, numf);
    if (no_target) str(8, NO_TARGET, F_NA), str(10, NO_TARGET, F_NA), str(12, NO_TARGET, F_NA);
    else num(8, t, numf), num(10, t, numf), fml(12, tp, numf, "%s", target);
    if (o1) num(9, r1, numf); else str(9, NOT_REPORTED, F_NA);
    if (missing) str(11, NOT_REPORTED, F_NA); else if (o2) num(11, r2, numf); else str(11, field(s, 5), F_TEXT);
    if (missing) str(13, INCOMPLETE, F_NA); else fml(13, rp, numf, "%s", real);
    if (no_target) str(14, NO_TARGET, F_NA), str(15, NO_TARGET, F_NA);
    else if (missing) str(14, INCOMPLETE, F_NA), fml(15, tp, numf, "%s", target);
    else if (neg) fml(14, cap, F_PCT, "MAX(0,(2*M%u-N%u)*100/M%u)", r, r, r), fml(15, tp, numf, "%s", target);
    else fml(14, cap, F_PCT, "N%u*100/M%u", r, r), fml(15, tp, numf, "%s", target);
    if (missing) str(16, INCOMPLETE, F_NA); else fml(16, rp, numf, "%s", real);
    if (no_target) str(17, NO_TARGET, F_NA), str(18, NO_TARGET, F_NA);
    else if (missing) str(17, INCOMPLETE, F_NA), str(18, INCOMPLETE, F_NA);
    else {
      if (neg) fml(17, cap, F_PCT, "MAX(0,(2*P%u-Q%u)*100/P%u)", r, r, r);
      else fml(17, cap, F_PCT, "Q%u*100/P%u", r, r);
      str(18, CATEGORY[cat], CAT_FMT[cat]);
    }
    if (missing) str(19, INCOMPLETE, F_NA);
    else if (neg) fml(19, prog, F_PCT, "MAX(0,(2*H%u-Q%u)*100/H%u)", r, r, r);
    else fml(19, prog, F_PCT, "Q%u*100/H%u", r, r);
    if (no_target) str(20, "s.d. TW II: tidak ada target untuk periode ini: indikator dijumlahkan dan hanya punya "
                           "target tahunan", F_WRAP);
    else if (missing) str(20, "s.d. TW II: realisasi TW II belum dilaporkan", F_WRAP);
    else blank(20, F_WRAP);
  }
  str(21, field(s, 8), F_WRAP), str(22, field(s, 10), F_WRAP), str(23, field(s, 11), F_WRAP);

  double pagu = 2 * (a1 + a2);
  if (budget) {
    next_row(s->wb, ANGGARAN);
    unsigned ra = R + 1;
    str(0, code, F_TEXT), str(1, wording, F_WRAP), str(2, fl->unit, F_WRAP);
    num(3, pagu, F_INT), num(4, a1, F_INT), num(5, a2, F_INT);
    fml(6, a1 + a2, F_INT, "SUM(E%u:F%u)", ra, ra);
    fml(7, pct(a1 + a2, pagu), F_PCT, "G%u*100/D%u", ra, ra);
    fml(8, pagu - a1 - a2, F_INT, "D%u-G%u", ra, ra);
    if (qual) str(9, "tercapai", F_OK), str(10, "kualitatif", F_NA);
    else if (no_target || missing) str(9, no_target ? NO_TARGET : INCOMPLETE, F_NA), str(10, no_target ? NO_TARGET : INCOMPLETE, F_NA);
    else {
      if (page) fml(9, cap, F_PCT, "'Pengukuran (%d)'!$R$%u", page + 1, r);
      else fml(9, cap, F_PCT, "'Pengukuran'!$R$%u", r);
      fml(10, cap - pct(a1 + a2, pagu), F_PCT, "J%u-H%u", ra, ra);
    }
  }

  next_row(s->wb, E81);
  unsigned re = R + 1;
  str(0, code, F_TEXT), str(1, level, dots == 0 ? F_TEXT : dots == 1 ? F_IND1 : F_IND2);
  str(2, wording, F_WRAP), str(3, unit, F_TEXT);
  if (qual) str(4, field(s, 3), F_TEXT), str(6, field(s, 4), F_TEXT);
  else num(4, t, numf), o1 ? num(6, r1, numf) : str(6, NOT_REPORTED, F_NA);
  if (budget) num(5, pagu, F_INT), num(7, a1, F_INT), num(9, a2, F_INT), fml(11, a1 + a2, F_INT, "SUM(H%u,J%u)", re, re);
  else str(5, "-", F_NA), str(7, "-", F_NA), str(9, "-", F_NA), str(11, "-", F_NA);
  if (missing) str(8, NOT_REPORTED, F_NA), str(10, INCOMPLETE, F_NA), str(12, INCOMPLETE, F_NA);
  else if (qual || !o2) str(8, field(s, 5), F_TEXT), str(10, field(s, 5), F_TEXT), str(12, "tercapai", F_OK);
  else {
    num(8, r2, numf);
    aggregate(real, agg, 'G', 'I', re, 0);
    fml(10, rp, numf, "%s", real);
    if (neg) fml(12, prog, F_PCT, "MAX(0,(2*E%u-K%u)*100/E%u)", re, re, re);
    else fml(12, prog, F_PCT, "K%u*100/E%u", re, re);
  }
  if (budget) fml(13, pct(a1 + a2, pagu), F_PCT, "L%u*100/F%u", re, re); else str(13, "-", F_NA);

  /* Validasi: no Bukti Dukung, no realisation TW II, TW II over 5× or under 1/5 of TW I by at
   * least half the target (the three findings sakip writes on the corpus). */
  double jump = r2 > r1 ? r2 - r1 : r1 - r2;
  int outlier = o1 && o2 && r1 > 0 && r2 > 0 && (r2 > 5 * r1 || 5 * r2 < r1) && (!ot || t == 0 || 2 * jump >= (t < 0 ? -t : t));
  for (int check = 0; check < 3; check++) {
    if (check == 0 ? *field(s, 11) != 0 : check == 1 ? !missing : !outlier) continue;
    next_row(s->wb, VALIDASI);
    str(0, check == 1 ? "KESALAHAN" : "PERINGATAN", check == 1 ? F_KES : F_PER);
    str(1, check == 0 ? "missing-evidence" : check == 1 ? "missing-value" : "outlier", F_TEXT);
    str(2, fl->unit, F_WRAP), str(3, fl->path, F_WRAP), num(4, (double)fl->line, F_INT);
    str(5, check ? s->h_r2 : s->h_bukti, F_TEXT), str(6, code, F_TEXT);
    if (check == 0) str(7, "Bukti dukung belum diisi. Tuliskan nomor dokumen atau tautan yang mendukung realisasi ini.", F_WRAP);
    else if (check == 1) str(7, "Realisasi TW II belum diisi. Isi angka realisasinya; jika memang nol, tulis 0 (sel kosong "
                                "atau \"-\" berarti belum dilaporkan).", F_WRAP);
    else {
      snprintf(buf, sizeof buf, "Realisasi TW II (%g) jauh berbeda dari triwulan sebelumnya (%g). Periksa kembali "
               "angkanya; jika benar, jelaskan di kolom Keterangan.", r2, r1);
      str(7, buf, F_WRAP);
    }
    if (check == 1) fl->empty++; else fl->warnings++;
  }
}

static void on_record(int c, void *ctx) {
  (void)c;
  struct state *s = ctx;
  struct file *fl = &s->files[s->nfiles - 1];
  s->records++;
  fl->records++;
  int ok;
  if (s->defs) {
    if (s->header) {
      for (int i = 9; i <= 16; i++) number(s, i, &ok);
      s->pagu_rows += s->row.n > 14 && s->row.len[14] > 0;
    }
    s->header = 1;
  } else if (!s->header) {
    if (s->row.n >= 2 && strcasecmp(s->row.f[0], "Unit Kerja") == 0) free(fl->unit), fl->unit = strdup(s->row.f[1]);
    for (int i = 0; i < s->row.n; i++)
      if (!strcasecmp(s->row.f[i], "kode") || !strcasecmp(s->row.f[i], "code")) s->header = 1;
    if (s->header) strcpy(s->h_r2, field(s, 5)), strcpy(s->h_bukti, field(s, 11));
  } else if (s->row.n > 0 && s->row.len[0] > 0) {
    indicator(s);
  }
  fl->line += 1 + s->newlines;
  s->row.n = s->newlines = 0;
}

static int no_spaces(unsigned char c) { (void)c; return 0; }

static int valid_utf8(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned c = p[i];
    size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (!k || i + k > n) return 0;
    for (size_t j = 1; j < k; j++) if ((p[i + j] & 0xC0) != 0x80) return 0;
    i += k;
  }
  return 1;
}

/* Parses one file with libcsv, streaming in 64 KiB chunks (the definitions may be 500 MB). */
static int parse(const char *path, struct state *s) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return 1; }
  s->files = realloc(s->files, (s->nfiles + 1) * sizeof *s->files);
  struct file *fl = &s->files[s->nfiles++];
  memset(fl, 0, sizeof *fl);
  fl->path = strdup(path);
  fl->unit = strdup("");
  fl->line = 1;
  const char *slash = strrchr(fl->path, '/');
  fl->name = slash ? slash + 1 : fl->path;
  static unsigned char chunk[1 << 16];
  size_t got = fread(chunk, 1, sizeof chunk, f);
  size_t skip = got >= 3 && !memcmp(chunk, "\xEF\xBB\xBF", 3) ? 3 : 0;
  size_t nl = skip;
  while (nl < got && chunk[nl] != '\n') nl++;
  size_t semis = 0, commas = 0;
  for (size_t i = skip; i < nl; i++) semis += chunk[i] == ';', commas += chunk[i] == ',';
  s->comma = semis > commas;
  s->cp1252 = !s->defs && !valid_utf8(chunk + skip, got - skip); /* forms fit in one chunk */
  fl->enc = skip ? "UTF-8 BOM" : s->cp1252 ? "Windows-1252" : "UTF-8";
  fl->delim[0] = s->comma ? ';' : ',';
  s->header = 0;
  s->row.n = 0;
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return 1;
  csv_set_delim(&p, s->comma ? ';' : ',');
  csv_set_space_func(&p, no_spaces);
  int rc = 0;
  for (size_t off = skip; got > 0; off = 0, got = fread(chunk, 1, sizeof chunk, f)) {
    fl->size += (long)got;
    if (csv_parse(&p, chunk + off, got - off, on_field, on_record, s) != got - off) { rc = 1; break; }
  }
  if (!rc && csv_fini(&p, on_field, on_record, s) != 0) rc = 1;
  if (rc) fprintf(stderr, "%s: %s\n", path, csv_strerror(csv_error(&p)));
  csv_free(&p);
  fclose(f);
  return rc;
}

/* Ringkasan: the heading block, the category table and chart, one row per form. */
static void write_summary(struct state *s, const char *defs) {
  long cat[9] = {0}, errors = 0, warnings = 0;
  for (size_t i = 1; i < s->nfiles; i++) {
    for (int c = 0; c < 9; c++) cat[c] += s->files[i].cat[c];
    errors += s->files[i].empty, warnings += s->files[i].warnings;
  }
  W = T[RINGKASAN].ws[0];
  R = 0, str(0, "Rekapitulasi Capaian Kinerja", F_TITLE);
  R = 2, str(0, "Tahun", F_BOLD), num(1, 2025, F_YEAR);
  R = 3, str(0, "Periode", F_BOLD), str(1, "TW II (s.d. TW II)", F_NONE);
  R = 4, str(0, "Dibuat", F_BOLD), str(1, CREATED, F_NONE);
  R = 5, str(0, "Definisi indikator", F_BOLD), str(1, defs, F_NONE);
  snprintf(buf, sizeof buf, "%zu berkas (rincian di lembar Sumber)", s->nfiles - 1);
  R = 6, str(0, "Formulir", F_BOLD), str(1, buf, F_NONE);
  R = 7, str(0, "Indikator", F_BOLD), num(1, (double)s->indicators, F_YEAR);
  snprintf(buf, sizeof buf, "%ld kesalahan, %ld peringatan (lembar Validasi)", errors, warnings);
  R = 8, str(0, "Temuan validasi", F_BOLD), str(1, buf, F_NONE);
  R = 10, str(0, "Kategori capaian s.d. TW II — semua indikator", F_BOLD);
  R = 11, str(0, "Kategori", F_HEAD), str(1, "Rentang capaian (%)", F_HEAD);
  str(2, "Jumlah indikator", F_HEAD), str(3, "Persentase (%)", F_HEAD);
  for (int c = 0; c < 9; c++) {
    R = (lxw_row_t)(12 + c);
    str(0, CATEGORY[c], CAT_FMT[c]), str(1, RANGE[c], F_TEXT), num(2, (double)cat[c], F_INT);
    fml(3, pct((double)cat[c], (double)s->indicators), F_PCT, "IF(C22=0,0,C%u*100/C22)", R + 1);
  }
  R = 21, str(0, "Jumlah", F_SUMB), blank(1, F_SUMB);
  fml(2, (double)s->indicators, F_SUMN, "SUM(C13:C21)"), fml(3, 100, F_PCT, "IF(C22=0,0,100)");
  lxw_chart *chart = workbook_add_chart(s->wb, LXW_CHART_COLUMN);
  lxw_chart_series *series = chart_add_series(chart, "=Ringkasan!$A$13:$A$21", "=Ringkasan!$C$13:$C$21");
  chart_series_set_name(series, "Jumlah indikator");
  chart_title_set_name(chart, "Jumlah indikator per kategori capaian s.d. TW II");
  worksheet_insert_chart(W, 10, 5, chart);
  R = 28, str(0, "Kategori capaian dan kelengkapan per unit kerja", F_BOLD);
  R = 29, str(0, "Unit kerja", F_HEAD);
  for (int c = 0; c < 9; c++) str(c + 1, CATEGORY[c], F_HEAD);
  str(10, "Jumlah", F_HEAD), str(11, "Indikator dilaporkan lengkap", F_HEAD);
  str(12, "Kelengkapan (%)", F_HEAD), str(13, "Status", F_HEAD);
  for (size_t i = 1; i < s->nfiles && 30 + i - 1 < MAXROW; i++) {
    struct file *fl = &s->files[i];
    R = (lxw_row_t)(30 + i - 1);
    unsigned r = R + 1;
    str(0, fl->unit, F_WRAP);
    for (int c = 0; c < 9; c++) num(c + 1, (double)fl->cat[c], F_INT);
    fml(10, (double)fl->indicators, F_SUMN, "SUM(B%u:J%u)", r, r);
    num(11, (double)(fl->indicators - fl->empty), F_INT);
    fml(12, pct((double)(fl->indicators - fl->empty), (double)fl->indicators), F_PCT, "IF(K%u=0,0,L%u*100/K%u)", r, r, r);
    str(13, fl->empty ? "belum lengkap" : "lengkap", fl->empty ? F_WARN : F_OK);
  }
}

/* Kelengkapan and Sumber: one row per form (Sumber: per input file). */
static void write_files(struct state *s) {
  for (size_t i = 1; i < s->nfiles; i++) {
    struct file *fl = &s->files[i];
    next_row(s->wb, KELENGKAPAN);
    str(0, fl->unit, F_WRAP), str(1, fl->name, F_WRAP), num(2, (double)fl->indicators, F_INT);
    num(3, (double)(fl->indicators - fl->empty), F_INT), num(4, (double)fl->empty, F_INT);
    num(5, (double)fl->empty, F_INT), num(6, (double)fl->warnings, F_INT);
    str(7, fl->empty ? "belum lengkap" : "lengkap", fl->empty ? F_WARN : F_OK);
  }
  for (size_t i = 0; i < s->nfiles; i++) {
    struct file *fl = &s->files[i];
    next_row(s->wb, SUMBER);
    str(0, fl->path, F_TEXT), num(1, (double)fl->size, F_INT);
    str(2, "0000000000000000000000000000000000000000000000000000000000000000", F_TEXT); /* not hashed */
    str(3, fl->enc, F_TEXT), str(4, fl->delim, F_TEXT), num(5, (double)fl->records, F_INT);
  }
}

/* Sumber's lines under the table, after its autofilter (which constant-memory mode only takes
 * while the sheet's current row is still in the table). */
static void write_trailer(int argc, char **argv) {
  size_t o = 0;
  for (int i = 0; i < argc && o < sizeof buf - 1; i++) o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "", argv[i]);
  W = T[SUMBER].ws[T[SUMBER].page], R = T[SUMBER].row + 1;
  str(0, "Perintah", F_BOLD), str(1, buf, F_NONE);
  R += 1, str(0, "Versi program", F_BOLD), str(1, "floor 0.1.0", F_NONE);
  R += 1, str(0, "Dibuat", F_BOLD), str(1, CREATED, F_NONE);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: %s DEFINITIONS.csv FORMS_DIR OUT.xlsx\n", argv[0]); return 2; }
  static struct state s;
  s.defs = 1;
  if (parse(argv[1], &s)) return 1;
  long definitions = s.records - 1;
  s.defs = 0;

  char *dir = strdup(argv[3]), *slash = strrchr(dir, '/');
  if (slash) *slash = 0; else strcpy(dir, ".");
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = dir};
  s.wb = workbook_new_opt(argv[3], &opt);
  if (!s.wb) { fprintf(stderr, "%s: cannot create\n", argv[3]); return 1; }
  make_formats(s.wb);
  /* All sheets in sakip's order, with the continuation pages the definitions' rows need. */
  for (int k = 0; k < NSHEETS; k++) {
    long rows = k == PENGUKURAN || k == E81 ? definitions : k == ANGGARAN ? s.pagu_rows : 0;
    do add_page(s.wb, k); while ((rows -= (long)(END[k] - TOP[k])) > 0);
    T[k].row = TOP[k];
  }

  DIR *d = opendir(argv[2]);
  if (!d) { perror(argv[2]); return 2; }
  size_t n = 0, cap = 1024;
  char **names = malloc(cap * sizeof *names);
  for (struct dirent *e; (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    if (len < 4 || strcasecmp(e->d_name + len - 4, ".csv")) continue;
    if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  char path[8192];
  size_t dl = strlen(argv[2]);
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%.*s/%s", (int)(dl && argv[2][dl - 1] == '/' ? dl - 1 : dl), argv[2], names[i]);
    if (parse(path, &s)) return 1;
    free(names[i]);
  }
  free(names);
  write_summary(&s, argv[1]);
  write_files(&s);
  finish_tables();
  write_trailer(argc, argv);
  lxw_error err = workbook_close(s.wb);
  if (err) { fprintf(stderr, "workbook_close: %s\n", lxw_strerror(err)); return 1; }
  printf("floor: %ld definitions, %zu forms, %ld indicator rows, %ld records, %ld numbers (sum %.6g)\n",
         definitions, n, s.indicators, s.records, s.numbers, s.checksum);
  return 0;
}
