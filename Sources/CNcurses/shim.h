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

// MARK: - Terminfo

#include <term.h>

/// The string capability `name` of the current terminal (e.g. "setaf"), or NULL when the
/// terminal does not have it.
static inline const char *pooltop_nc_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

/// True when the current terminal has the boolean capability `name` (e.g. "am").
static inline int pooltop_nc_flag_capability(const char *name) {
    return tigetflag(name) > 0;
}

/// The attributes the current terminal cannot show together with colors (`ncv`), as `A_*` bits
/// (0 when it can show them all).
static inline attr_t pooltop_nc_no_color_video(void) {
    int ncv = tigetnum("ncv");
    if (ncv <= 0) return 0;
    attr_t mask = 0;
    if (ncv & 1) mask |= A_STANDOUT;
    if (ncv & 2) mask |= A_UNDERLINE;
    if (ncv & 4) mask |= A_REVERSE;
    if (ncv & 8) mask |= A_BLINK;
    if (ncv & 16) mask |= A_DIM;
    if (ncv & 32) mask |= A_BOLD;
    if (ncv & 0x8000) mask |= A_ITALIC;
    return mask;
}

/// `capability` with one parameter substituted (tiparm is variadic, which Swift cannot call).
static inline const char *pooltop_nc_tiparm1(const char *capability, int first) {
    return tiparm(capability, first);
}

/// `capability` with two parameters substituted.
static inline const char *pooltop_nc_tiparm2(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
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
