// The C boundary to ncursesw for NcursesBackend, the only Swift code that imports it.
//
// Swift 6 rejects every reference to a mutable C global (stdscr, COLS, LINES, COLORS, ...) and
// does not import function-like or cast macros (A_BOLD, getmaxyx, BUTTON1_PRESSED, KEY_F(n)),
// so this header re-exports them as static inline functions and constants.
#ifndef POOLTOP_CNCURSES_SHIM_H
#define POOLTOP_CNCURSES_SHIM_H

// Without these, curses.h sets NCURSES_WIDECHAR 0 and hides cchar_t, wget_wch and setcchar.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

// MARK: - Globals

static inline WINDOW *pooltop_nc_stdscr(void) { return stdscr; }
static inline int pooltop_nc_cols(void) { return COLS; }
static inline int pooltop_nc_lines(void) { return LINES; }
static inline int pooltop_nc_colors(void) { return COLORS; }
static inline int pooltop_nc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *pooltop_nc_stdin(void) { return stdin; }
static inline FILE *pooltop_nc_stdout(void) { return stdout; }
static inline int pooltop_nc_set_escdelay(int milliseconds) { return set_escdelay(milliseconds); }

static inline void pooltop_nc_getmaxyx(WINDOW *window, int *rows, int *columns) {
    getmaxyx(window, *rows, *columns);
}

// MARK: - Attributes

static const attr_t POOLTOP_A_NORMAL = A_NORMAL;
static const attr_t POOLTOP_A_BOLD = A_BOLD;
static const attr_t POOLTOP_A_DIM = A_DIM;
static const attr_t POOLTOP_A_REVERSE = A_REVERSE;
static const attr_t POOLTOP_A_UNDERLINE = A_UNDERLINE;
static const attr_t POOLTOP_A_ITALIC = A_ITALIC;
static const attr_t POOLTOP_A_ATTRIBUTES = A_ATTRIBUTES;
static const attr_t POOLTOP_A_COLOR = A_COLOR;

// MARK: - Keys and mouse

static inline int pooltop_nc_key_f(int n) { return KEY_F(n); }

static const mmask_t POOLTOP_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t POOLTOP_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t POOLTOP_BUTTON2_PRESSED = BUTTON2_PRESSED;
static const mmask_t POOLTOP_BUTTON2_CLICKED = BUTTON2_CLICKED;
static const mmask_t POOLTOP_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t POOLTOP_BUTTON3_CLICKED = BUTTON3_CLICKED;
static const mmask_t POOLTOP_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t POOLTOP_BUTTON5_PRESSED = BUTTON5_PRESSED;

// MARK: - Cells

/// Puts one character (a spacing scalar plus up to three combining scalars; pass 0 for unused
/// ones) at (y, x) with `attributes` and the extended color pair `pair`, which may exceed 255
/// because it travels through setcchar's opts pointer rather than the attribute bits.
static inline int pooltop_nc_put_cell(WINDOW *window, int y, int x,
                                      wchar_t c0, wchar_t c1, wchar_t c2, wchar_t c3,
                                      attr_t attributes, int pair) {
    wchar_t text[5] = { c0, c1, c2, c3, 0 };
    cchar_t cell;
    int extendedPair = pair;
    if (setcchar(&cell, text, attributes, 0, &extendedPair) == ERR) {
        return ERR;
    }
    return mvwadd_wch(window, y, x, &cell);
}

/// Reads back the cell at (y, x): its first scalar, attributes (without color bits) and pair.
static inline int pooltop_nc_read_cell(WINDOW *window, int y, int x,
                                       wchar_t *character, attr_t *attributes, int *pair) {
    cchar_t cell;
    if (mvwin_wch(window, y, x, &cell) == ERR) {
        return ERR;
    }
    wchar_t text[CCHARW_MAX + 1];
    short shortPair = 0;
    int extendedPair = 0;
    if (getcchar(&cell, text, attributes, &shortPair, &extendedPair) == ERR) {
        return ERR;
    }
    *character = text[0];
    *attributes &= A_ATTRIBUTES & ~A_COLOR;
    *pair = extendedPair;
    return OK;
}

// MARK: - Locale and character width

extern int wcwidth(wchar_t);

static inline int pooltop_nc_wcwidth(wchar_t character) { return wcwidth(character); }

/// True when the current LC_CTYPE codeset is UTF-8.
static inline int pooltop_nc_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

#endif
