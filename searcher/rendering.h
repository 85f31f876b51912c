// What every output format shares: escaping article text for HTML and for
// terminals, highlighted snippet fragments, and laying words out in lines
// of a terminal's width.
#ifndef NEWSDEX_SEARCHER_RENDERING_H_
#define NEWSDEX_SEARCHER_RENDERING_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/snippet.h"

namespace newsdex {

enum class HighlightMode { kAnsi, kMarkers, kHtml, kNone };

// How the text printers (hits, stats) write for a person.
struct HumanStyle {
  bool color = false;
  HighlightMode highlight = HighlightMode::kMarkers;
  std::size_t width = 80;  // wrap snippets to this many columns
};

inline constexpr const char* kAnsiHighlight = "\033[1;31m";
inline constexpr const char* kAnsiBold = "\033[1m";
inline constexpr const char* kAnsiDim = "\033[2m";
inline constexpr const char* kAnsiReset = "\033[0m";
inline constexpr const char* kEllipsis = "\xE2\x80\xA6";  // …

// One escaping function per output format (JSON is escaped by
// nlohmann::json):
// HTML: & < > " ' as character references, for text and attribute values.
std::string html_text(std::string_view text);
// A terminal: control characters an article may carry (ESC, BEL, ...,
// DEL) shown in caret notation ("^[", "^G", "^?") instead of obeyed, tab,
// line feed and carriage return as a space, C1 controls (U+0080-U+009F) as
// U+FFFD.
std::string terminal_text(std::string_view text);
// `url` when it is an http: or https: URL, safe as a link target; else ""
// (javascript:, data:, relative and other URLs are shown, never linked).
std::string web_link_url(std::string_view url);

// Renders fragments as one string: highlighted words in ANSI bold colour,
// between "**" markers, in <b> elements (everything HTML-escaped), or
// plain; fragments are joined and cut ends shown with "…".
std::string render_fragments(const std::vector<Fragment>& fragments,
                             HighlightMode mode);

// Terminal columns taken by `s`; ANSI escape sequences take none.
std::size_t display_width(std::string_view s);

// A word as laid out in lines: its rendered form and visible width.
struct Piece {
  std::string rendered;
  std::size_t width;
};

// Appends the words of `fragment` (through terminal_text(), highlighted in
// `mode`) to `pieces`. `glue`: the next text continues the previous piece
// (no space between); updated for the next call.
void split_pieces(const Fragment& fragment, HighlightMode mode,
                  std::vector<Piece>& pieces, bool& glue);

// Writes `pieces` separated by spaces in lines of at most `width` columns,
// each line after `indent` spaces, and ends the last line.
void write_wrapped(const std::vector<Piece>& pieces, std::size_t indent,
                   std::size_t width, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_RENDERING_H_
