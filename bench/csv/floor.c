/* The floor for `sakip-bench read-csv`: what libcsv does alone on the same file, with the same
 * options as SakipCSV (CSV_STRICT | CSV_STRICT_FINI, no space trimming, ';' delimiter), only
 * counting fields and records. Reads the whole file, then parses it in one csv_parse call.
 *
 *   cc -O2 -o bench/out/csv-floor bench/csv/floor.c -lcsv
 *   bench/out/csv-floor FILE [DELIMITER]
 *
 * Prints: records=N fields=N bytes=N seconds=S mbps=X (MB = 10^6 bytes, file read included). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct counts { size_t fields, records; };

static void on_field(void *data, size_t len, void *ctx) {
  (void)data; (void)len;
  ((struct counts *)ctx)->fields++;
}

static void on_record(int c, void *ctx) {
  (void)c;
  ((struct counts *)ctx)->records++;
}

static int no_spaces(unsigned char c) { (void)c; return 0; }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s FILE [DELIMITER]\n", argv[0]); return 2; }
  unsigned char delim = argc > 2 ? (unsigned char)argv[2][0] : ';';
  double start = now();

  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  if (fseek(f, 0, SEEK_END) != 0) { perror("fseek"); return 2; }
  long size = ftell(f);
  if (size < 0) { perror("ftell"); return 2; }
  rewind(f);
  unsigned char *buf = malloc(size > 0 ? (size_t)size : 1);
  if (!buf) { fputs("out of memory\n", stderr); return 2; }
  size_t got = fread(buf, 1, (size_t)size, f);
  fclose(f);

  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) { fputs("csv_init failed\n", stderr); return 2; }
  csv_set_delim(&p, delim);
  csv_set_space_func(&p, no_spaces);
  struct counts counts = {0, 0};
  if (csv_parse(&p, buf, got, on_field, on_record, &counts) != got ||
      csv_fini(&p, on_field, on_record, &counts) != 0) {
    fprintf(stderr, "parse error: %s\n", csv_strerror(csv_error(&p)));
    return 1;
  }
  csv_free(&p);
  free(buf);

  double seconds = now() - start;
  printf("records=%zu fields=%zu bytes=%zu seconds=%.3f mbps=%.1f\n", counts.records,
         counts.fields, got, seconds, got / 1e6 / seconds);
  return 0;
}
