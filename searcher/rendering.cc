// Escaping, highlighting and line layout shared by the output formats.
#include "searcher/rendering.h"

#include <utf8proc.h>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

constexpr const char* kMarker = "**";

std::string render_span(const TextSpan& span, HighlightMode mode) {
  switch (mode) {
    case HighlightMode::kAnsi:
      return span.highlighted ? kAnsiHighlight + span.text + kAnsiReset
                              : span.text;
    case HighlightMode::kMarkers:
      return span.highlighted ? kMarker + span.text + kMarker : span.text;
    case HighlightMode::kHtml:
      return span.highlighted ? "<b>" + html_text(span.text) + "</b>"
                              : html_text(span.text);
    case HighlightMode::kNone:
      return span.text;
  }
  return span.text;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0, pos = 0;
  while (pos < s.size()) {
    if (s[pos] == '\033') {
      std::size_t end = s.find('m', pos);
      pos = end == std::string_view::npos ? s.size() : end + 1;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
        static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
    if (n <= 0) {
      ++pos;
      ++width;
      continue;
    }
    pos += static_cast<std::size_t>(n);
    int w = utf8proc_charwidth(cp);
    width += w > 0 ? static_cast<std::size_t>(w) : 0;
  }
  return width;
}

void split_pieces(const Fragment& fragment, HighlightMode mode,
                  std::vector<Piece>& pieces, bool& glue) {
  for (const TextSpan& span : fragment.spans) {
    std::size_t pos = 0;
    const std::string t = terminal_text(span.text);
    while (pos <= t.size()) {
      std::size_t space = t.find(' ', pos);
      if (space == std::string::npos) space = t.size();
      std::string word = t.substr(pos, space - pos);
      if (!word.empty()) {
        TextSpan piece_span{word, span.highlighted};
        std::string rendered = render_span(piece_span, mode);
        if (glue && !pieces.empty()) {
          pieces.back().rendered += rendered;
          pieces.back().width += display_width(rendered);
        } else {
          pieces.push_back({rendered, display_width(rendered)});
        }
      }
      if (space < t.size()) {
        glue = false;
      } else {
        glue = !word.empty() || glue;
      }
      pos = space + 1;
    }
  }
}

void write_wrapped(const std::vector<Piece>& pieces, std::size_t indent,
                   std::size_t width, std::ostream& out) {
  std::string pad(indent, ' ');
  std::size_t column = 0;
  out << pad;
  for (const Piece& p : pieces) {
    if (column > 0 && indent + column + 1 + p.width > width) {
      out << '\n' << pad;
      column = 0;
    }
    if (column > 0) {
      out << ' ';
      ++column;
    }
    out << p.rendered;
    column += p.width;
  }
  out << '\n';
}

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0x20) {
      out += '^';
      out += static_cast<char>(c + 0x40);
    } else if (c == 0x7f) {
      out += "^?";
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += "\xEF\xBF\xBD";  // a C1 control (U+0080-U+009F)
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string web_link_url(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      if (ascii_lower(url[i]) != scheme[i]) return false;
    }
    return true;
  };
  if (starts("http://") || starts("https://")) return std::string(url);
  return "";
}

std::string render_fragments(const std::vector<Fragment>& fragments,
                             HighlightMode mode) {
  std::string out;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    if (i > 0) {
      // One ellipsis between two passages, however both were cut.
      out += fragments[i - 1].cut_after || f.cut_before
                 ? std::string(" ") + kEllipsis + " "
                 : std::string(" ");
    } else if (f.cut_before) {
      out += kEllipsis;
    }
    for (const TextSpan& span : f.spans) out += render_span(span, mode);
  }
  if (!fragments.empty() && fragments.back().cut_after) out += kEllipsis;
  return out;
}

}  // namespace newsdex
