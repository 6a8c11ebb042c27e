#ifndef TTHTCD_CNCURSESW_SHIM_H
#define TTHTCD_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config defines, so the wide-character API is switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <string.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot import, as functions.
static inline attr_t tt_a_bold(void) { return A_BOLD; }
static inline attr_t tt_a_reverse(void) { return A_REVERSE; }
static inline attr_t tt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tt_a_dim(void) { return A_DIM; }
static inline attr_t tt_a_normal(void) { return A_NORMAL; }
static inline int tt_key_code_yes(void) { return KEY_CODE_YES; }
static inline int tt_err(void) { return ERR; }
static inline int tt_ok(void) { return OK; }
static inline int tt_key_f0(void) { return KEY_F0; }
static inline int tt_color_pairs(void) { return COLOR_PAIRS; }
static inline int tt_colors(void) { return COLORS; }

/// Writes one grapheme cluster (up to CCHARW_MAX - 1 code points) with attributes and a colour pair.
static inline int tt_put_cluster(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

static inline WINDOW *tt_stdscr(void) { return stdscr; }
static inline SCREEN *tt_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline int tt_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

#endif
