/* The floor for writing: libxlsxwriter alone writing the same cells as `sakip-bench write-xlsx`
 * (ROWS x 3: a text, a number, a number) in constant-memory mode, no checks, no verification. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: floor ROWS OUT.xlsx\n"); return 2; }
  long rows = atol(argv[1]);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
  lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
  lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Data");
  char text[64];
  for (long row = 0; row < rows; row++) {
    snprintf(text, sizeof text, "indikator %ld", row);
    worksheet_write_string(sheet, (lxw_row_t)row, 0, text, NULL);
    worksheet_write_number(sheet, (lxw_row_t)row, 1, (double)row, NULL);
    worksheet_write_number(sheet, (lxw_row_t)row, 2, (double)row * 0.25, NULL);
  }
  lxw_error error = workbook_close(workbook);
  clock_gettime(CLOCK_MONOTONIC, &b);
  if (error != LXW_NO_ERROR) { fprintf(stderr, "%s\n", lxw_strerror(error)); return 1; }
  double seconds = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
  printf("rows=%ld write_seconds=%.3f\n", rows, seconds);
  return 0;
}
