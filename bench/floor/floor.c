/* The floor of `make bench`: what libcsv and libxlsxwriter do alone on the recap's input and
 * output, with no recap logic. Parses the same definitions and forms with libcsv (same options as
 * SakipCSV: CSV_STRICT | CSV_STRICT_FINI, no space trimming), converts only what is needed (the
 * code, the numbers: thousands separators dropped, decimal comma or point by the file's
 * delimiter; Windows-1252 text to UTF-8), and writes the same number of cells as the peers'
 * `Pengukuran` sheet (bench/peers/common_layout.md: a header row and 21 cells per indicator,
 * strings where the peers write strings, numbers where they write numbers) with libxlsxwriter in
 * constant-memory mode. One row per form row with a code, in form order (no join, no merge).
 *
 *   cc -O2 -o bench/out/floor bench/floor/floor.c -lcsv -lxlsxwriter
 *   bench/out/floor DEFINITIONS.csv FORMS_DIR OUT.xlsx
 */
#include <csv.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#define MAXF 24
#define ROWS_PER_SHEET 1048575 /* Excel's rows below the header */
#define CAP 4096

struct row {
  char f[MAXF][CAP];
  size_t len[MAXF];
  int n;
};

struct state {
  struct row row;
  int comma;   /* decimal comma (';' file) */
  int cp1252;  /* text needs converting */
  int header;  /* header row seen */
  int defs;    /* reading the definitions */
  char section[CAP];
  long records, numbers, indicators;
  double checksum;
  lxw_worksheet *ws;
  lxw_workbook *wb;
  int sheets;
  lxw_row_t out_row;
};

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
  char buf[64];
  size_t o = 0;
  for (const char *p = s->row.f[i]; *p && o < sizeof buf - 1; p++) {
    if (*p == (s->comma ? '.' : ',')) continue;
    buf[o++] = *p == ',' ? '.' : *p;
  }
  buf[o] = 0;
  char *end;
  double v = strtod(buf, &end);
  if (end == buf || *end) return 0;
  *ok = 1;
  s->numbers++;
  s->checksum += v;
  return v;
}

static const char *field(struct state *s, int i) { return i < s->row.n ? s->row.f[i] : ""; }

static void put_num(struct state *s, int col, double v, int ok) {
  if (ok) worksheet_write_number(s->ws, s->out_row, (lxw_col_t)col, v, NULL);
}

static void put_str(struct state *s, int col, const char *v) {
  if (*v) worksheet_write_string(s->ws, s->out_row, (lxw_col_t)col, v, NULL);
}

static const char *head[21] = {"Kode", "Indikator", "Satuan", "Penanggung Jawab", "Polaritas", "Agregasi",
  "Target Tahunan", "Target TW I", "Target TW II", "Realisasi TW I", "Realisasi TW II", "Target s.d. TW II",
  "Realisasi s.d. TW II", "Capaian s.d. TW II (%)", "Kategori", "Progres thd Target Tahunan (%)", "Pagu",
  "Realisasi Anggaran s.d. TW II", "Serapan (%)", "Kendala", "Bukti Dukung"};

/* A new "Pengukuran (N)" sheet with the header; rows continue at row 1. */
static void new_sheet(struct state *s) {
  char name[32] = "Pengukuran";
  if (s->sheets++ > 0) snprintf(name, sizeof name, "Pengukuran (%d)", s->sheets);
  s->ws = workbook_add_worksheet(s->wb, name);
  for (int i = 0; i < 21; i++) worksheet_write_string(s->ws, 0, (lxw_col_t)i, head[i], NULL);
  s->out_row = 1;
}

static void on_record(int c, void *ctx) {
  (void)c;
  struct state *s = ctx;
  s->records++;
  int ok;
  if (s->defs) {
    if (s->header) for (int i = 9; i <= 16; i++) number(s, i, &ok);
    s->header = 1;
  } else if (!s->header) {
    if (s->row.n >= 2 && strcasecmp(s->row.f[0], "Unit Kerja") == 0) strcpy(s->section, s->row.f[1]);
    for (int i = 0; i < s->row.n; i++)
      if (!strcasecmp(s->row.f[i], "kode") || !strcasecmp(s->row.f[i], "code")) s->header = 1;
  } else if (s->row.n > 0 && s->row.len[0] > 0) {
    /* code, wording, unit, target, R TW I, R TW II, RA TW I, RA TW II, kendala, …, bukti dukung */
    s->indicators++;
    if (++s->out_row > ROWS_PER_SHEET) new_sheet(s); /* Excel's limit: go on in "Pengukuran (2)" */
    int ot, o1, o2, oa1, oa2;
    double t = number(s, 3, &ot), r1 = number(s, 4, &o1), r2 = number(s, 5, &o2);
    double a1 = number(s, 6, &oa1), a2 = number(s, 7, &oa2);
    put_str(s, 0, field(s, 0));
    put_str(s, 1, field(s, 1));
    put_str(s, 2, field(s, 2));
    put_str(s, 3, s->section);
    put_str(s, 4, "positif");
    put_str(s, 5, "akhir");
    put_num(s, 6, t, ot);
    put_num(s, 7, t, ot);
    put_num(s, 8, t, ot);
    put_num(s, 9, r1, o1);
    put_num(s, 10, r2, o2);
    put_num(s, 11, t, ot);
    put_num(s, 12, r2, o2);
    put_num(s, 13, r2, o2);
    put_str(s, 14, o2 ? "Tinggi" : "");
    put_num(s, 15, r2, o2);
    put_num(s, 16, a1, oa1);
    put_num(s, 17, a2, oa2);
    put_num(s, 18, a2, oa2);
    put_str(s, 19, field(s, 8));
    put_str(s, 20, field(s, 11));
  }
  s->row.n = 0;
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
  static unsigned char buf[1 << 16];
  size_t got = fread(buf, 1, sizeof buf, f);
  size_t skip = got >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
  size_t nl = skip;
  while (nl < got && buf[nl] != '\n') nl++;
  size_t semis = 0, commas = 0;
  for (size_t i = skip; i < nl; i++) semis += buf[i] == ';', commas += buf[i] == ',';
  s->comma = semis > commas;
  s->cp1252 = !s->defs && !valid_utf8(buf + skip, got - skip); /* forms fit in one chunk */
  s->header = 0;
  s->row.n = 0;
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return 1;
  csv_set_delim(&p, s->comma ? ';' : ',');
  csv_set_space_func(&p, no_spaces);
  int rc = 0;
  for (size_t off = skip; got > 0; off = 0, got = fread(buf, 1, sizeof buf, f)) {
    if (csv_parse(&p, buf + off, got - off, on_field, on_record, s) != got - off) { rc = 1; break; }
  }
  if (!rc && csv_fini(&p, on_field, on_record, s) != 0) rc = 1;
  if (rc) fprintf(stderr, "%s: %s\n", path, csv_strerror(csv_error(&p)));
  csv_free(&p);
  fclose(f);
  return rc;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: %s DEFINITIONS.csv FORMS_DIR OUT.xlsx\n", argv[0]); return 2; }
  static struct state s;
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
  lxw_workbook *wb = workbook_new_opt(argv[3], &opt);
  s.wb = wb;
  new_sheet(&s);
  s.out_row = 0;

  s.defs = 1;
  if (parse(argv[1], &s)) return 1;
  long definitions = s.records - 1;
  s.defs = 0;

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
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s", argv[2], names[i]);
    if (parse(path, &s)) return 1;
    free(names[i]);
  }
  free(names);
  lxw_error err = workbook_close(wb);
  if (err) { fprintf(stderr, "workbook_close: %s\n", lxw_strerror(err)); return 1; }
  printf("floor: %ld definitions, %zu forms, %ld indicator rows, %ld records, %ld numbers (sum %.6g)\n",
         definitions, n, s.indicators, s.records, s.numbers, s.checksum);
  return 0;
}
