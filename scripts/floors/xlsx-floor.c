/*
 * What libxlsxwriter alone can do on this machine: writes workbooks FIRST..LAST-1 into DIR, each
 * one worksheet of CELLS cells, STRINGS of them text (from 300 distinct values, as names and
 * products repeat) and the rest numbers in a euro format, 8 columns, with the options Cageot uses
 * (temporary files in TMPDIR; built with Sources/CFastDeflate/deflate.c, so the parts are deflated
 * at Cageot's zlib level, CAGEOT_DEFLATE_LEVEL included). No database, no Swift, no layout: the floor under
 * `cageot orders`/`cageot payments`, which scripts/bench runs with those jobs' counts on both
 * cores. Usage: xlsx-floor DIR FIRST LAST CELLS STRINGS
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: xlsx-floor DIR FIRST LAST CELLS STRINGS\n");
        return 2;
    }
    const char *dir = argv[1];
    int first = atoi(argv[2]), last = atoi(argv[3]), cells = atoi(argv[4]), strings = atoi(argv[5]);
    char *tmpdir = getenv("TMPDIR");
    char values[300][32];
    for (int i = 0; i < 300; i++) snprintf(values[i], sizeof values[i], "Produit ou foyer n° %d", i);
    for (int n = first; n < last; n++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/floor-%d.xlsx", dir, n);
        lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = tmpdir};
        lxw_workbook *workbook = workbook_new_opt(path, &options);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Feuille");
        lxw_format *euro = workbook_add_format(workbook);
        format_set_num_format(euro, "#,##0.00\\ \"€\"");
        /* Text cells spread evenly among the numbers. */
        for (int c = 0; c < cells; c++) {
            lxw_row_t row = (lxw_row_t)(c / 8);
            lxw_col_t col = (lxw_col_t)(c % 8);
            if (cells > 0 && (long)c * strings / cells != (long)(c + 1) * strings / cells)
                worksheet_write_string(sheet, row, col, values[(c * 7 + n) % 300], NULL);
            else
                worksheet_write_number(sheet, row, col, (c % 977) * 1.25, euro);
        }
        if (workbook_close(workbook) != LXW_NO_ERROR) {
            fprintf(stderr, "xlsx-floor: cannot write %s\n", path);
            return 1;
        }
    }
    return 0;
}
