// Rendering of search responses. JSON goes through nlohmann::json so it is
// always valid; the human format wraps to the terminal width.
#include "searcher/result_output.h"

#include <utf8proc.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>

#include "common/date_parse.h"
#include "common/json_text.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

constexpr const char* kAnsiHighlight = "\033[1;31m";
constexpr const char* kAnsiBold = "\033[1m";
constexpr const char* kAnsiDim = "\033[2m";
constexpr const char* kAnsiReset = "\033[0m";
constexpr const char* kMarker = "**";
constexpr const char* kEllipsis = "\xE2\x80\xA6";  // …

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

// Terminal columns taken by `s`; ANSI escape sequences take none.
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

// Lays out words (each with its rendered form and visible width) in lines
// of at most `width` columns after `indent`.
struct Piece {
  std::string rendered;
  std::size_t width;
};

void split_pieces(const Fragment& fragment, HighlightMode mode,
                  std::vector<Piece>& pieces, bool& glue) {
  // `glue`: the next text continues the previous piece (no space between).
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

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  return buf;
}

// How the query's words were joined, for the JSON summary: "all" or "any"
// when --match chose, else the default rule's choice with the words it
// counted ("any (7 words)").
std::string match_json(const SearchRequest& request,
                       const SearchResponse& response) {
  std::string op = response.match == MatchMode::kAny ? "any" : "all";
  if (request.match != MatchMode::kAuto) return op;
  std::size_t n = response.match_words;
  return op + " (" + std::to_string(n) + (n == 1 ? " word)" : " words)");
}

// The same for the human summary line, when two words or more were
// joined: "; any of 7 words", "; all 2 words, --match all".
std::string match_human(const SearchRequest& request,
                        const SearchResponse& response) {
  std::size_t n = response.match_words;
  if (n < 2) return "";
  std::string text = response.match == MatchMode::kAny
                         ? "; any of " + std::to_string(n) + " words"
                         : "; all " + std::to_string(n) + " words";
  if (request.match == MatchMode::kAll) text += ", --match all";
  if (request.match == MatchMode::kAny) text += ", --match any";
  return text;
}

}  // namespace

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

nlohmann::json hit_to_json(const Hit& hit, HighlightMode mode) {
  const StoredArticle& a = hit.article;
  nlohmann::json j = {
      {"id", a.id},
      {"rank", hit.rank},
      {"score", std::round(hit.score * 10000) / 10000},
      {"title", a.title},
      // Only a title the article has is highlighted; a made-up one is
      // display_title's.
      {"title_highlighted", trim_space(a.title).empty()
                                ? std::string()
                                : render_fragments({hit.title}, mode)},
      {"display_title", hit.display_title},
      {"source", a.source},
      {"date", a.date_iso.empty() ? nlohmann::json(nullptr)
                                  : nlohmann::json(a.date_iso)},
      {"datetime", a.datetime_iso.empty() ? nlohmann::json(nullptr)
                                          : nlohmann::json(a.datetime_iso)},
      {"url", a.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.url)},
      {"snippet", render_fragments(hit.snippet, mode)},
  };
  nlohmann::json actors = nlohmann::json::array();
  for (const Actor& actor : a.actors) actors.push_back(actor.name);
  j["actors"] = actors;
  j["authors"] = a.authors;
  if (!a.extra_json.empty()) j["extra"] = a.extra();
  if (!hit.explanation.empty() || hit.recency > 0) {
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& t : hit.explanation) {
      terms.push_back(
          {{"term", t.term}, {"weight", std::round(t.weight * 10000) / 10000}});
    }
    j["explain"] = {{"terms", terms},
                    {"recency", std::round(hit.recency * 10000) / 10000}};
  }
  if (hit.duplicate_count > 0) {
    j["duplicates"] = hit.duplicates;
    j["duplicate_count"] = hit.duplicate_count;
  }
  return j;
}

namespace {

// The key of a facet in the JSON output: its field, and a date facet's
// granularity ("date:month"), so that every facet asked for has its own.
std::string facet_key(const FacetResult& f) {
  std::string key =
      f.granularity.empty() ? f.field : f.field + ":" + f.granularity;
  if (f.cross) {
    key += "/" + f.cross->by;
    if (!f.cross->by_granularity.empty()) key += ":" + f.cross->by_granularity;
  }
  return key;
}

// Puts each facet's `value` under its key in `out`; a lone date facet also
// under "date", the key all date facets had before there could be several.
template <typename ValueOf>
void add_by_key(const std::vector<FacetResult>& facets, ValueOf value_of,
                nlohmann::json& out) {
  std::size_t dates = 0;
  for (const FacetResult& f : facets) {
    out[facet_key(f)] = value_of(f);
    if (!f.granularity.empty() && !f.cross) ++dates;
  }
  for (const FacetResult& f : facets) {
    if (dates == 1 && !f.granularity.empty() && !f.cross) {
      out[f.field] = value_of(f);
    }
  }
}

nlohmann::json facet_values_json(const FacetResult& f) {
  if (f.cross) {
    // Nested objects: row value -> column value -> count.
    nlohmann::json table = nlohmann::json::object();
    const CrossTab& t = *f.cross;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      nlohmann::json row = nlohmann::json::object();
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        row[t.columns[c]] = t.counts[r][c];
      }
      table[t.rows[r]] = row;
    }
    return table;
  }
  nlohmann::json values = nlohmann::json::array();
  for (const FacetValue& v : f.values) {
    nlohmann::json entry = {{"value", v.value}, {"count", v.count}};
    if (!v.type.empty()) entry["type"] = v.type;
    values.push_back(entry);
  }
  if (f.missing > 0) {
    values.push_back({{"value", "unknown"}, {"count", f.missing}});
  }
  return values;
}

nlohmann::json facet_summary_json(const FacetResult& f) {
  nlohmann::json info = {{"other", f.other}};
  if (!f.granularity.empty()) info["granularity"] = f.granularity;
  if (f.cross) {
    // The order of rows and columns, and the articles each counts.
    const CrossTab& t = *f.cross;
    nlohmann::json rows = nlohmann::json::object(),
                   columns = nlohmann::json::object();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      rows[t.rows[r]] = t.row_totals[r];
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      columns[t.columns[c]] = t.column_totals[c];
    }
    info["rows"] = t.rows;
    info["columns"] = t.columns;
    info["row_totals"] = rows;
    info["column_totals"] = columns;
    info["total"] = t.total;
  }
  return info;
}

// A cross-tabulation as a table: a row per value of the first field, a
// column per value of the second, and the totals (articles) of each.
void write_cross_table(
    const FacetResult& f, const std::string& name,
    const std::function<std::string(std::string_view)>& shown,
    std::ostream& out) {
  const CrossTab& t = *f.cross;
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header{name};
  for (const auto& c : t.columns) header.push_back(shown(c));
  header.push_back("total");
  cells.push_back(header);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<std::string> row{shown(t.rows[r])};
    for (std::size_t count : t.counts[r]) row.push_back(std::to_string(count));
    row.push_back(std::to_string(t.row_totals[r]));
    cells.push_back(row);
  }
  std::vector<std::string> totals{"total"};
  for (std::size_t count : t.column_totals) {
    totals.push_back(std::to_string(count));
  }
  totals.push_back(std::to_string(t.total));
  cells.push_back(totals);
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& row : cells) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], display_width(row[c]));
    }
  }
  for (const auto& row : cells) {
    std::string line = "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - display_width(row[c]), ' ');
      // Names to the left, counts to the right.
      line += c == 0 ? row[c] + pad : "  " + pad + row[c];
    }
    out << line << '\n';
  }
}

}  // namespace

nlohmann::json facets_to_json(const std::vector<FacetResult>& facets) {
  nlohmann::json data = nlohmann::json::object();
  add_by_key(facets, facet_values_json, data);
  return data;
}

nlohmann::json summary_to_json(const SearchRequest& request,
                               const SearchResponse& response) {
  nlohmann::json facet_info = nlohmann::json::object();
  add_by_key(response.facets, facet_summary_json, facet_info);
  nlohmann::json data = {
      {"version", kJsonFormatVersion},
      {"query", request.query},
      {"total", response.total},
      {"returned", response.hits.size()},
      {"offset", request.offset},
      {"limit", request.limit},
      {"elapsed_ms", std::round(response.seconds * 1e6) / 1000},
      {"match", match_json(request, response)},
  };
  if (!response.facets.empty()) data["facets"] = facet_info;
  // What total and facets count: with --collapse, total counts groups of
  // near-duplicates while facet counts still count articles.
  data["counts"] = response.collapsed ? "groups" : "articles";
  if (response.collapsed) data["matches"] = response.matches;
  data["facet_counts"] = "articles";
  if (!response.suggestion.empty()) data["suggestion"] = response.suggestion;
  return data;
}

void write_json_lines(const SearchRequest& request,
                      const SearchResponse& response, HighlightMode mode,
                      std::ostream& out, const nlohmann::json& tag,
                      bool count_only) {
  auto line = [&](const char* type, nlohmann::json data) {
    nlohmann::json j = tag;
    j["type"] = type;
    j["data"] = std::move(data);
    out << json_text(j) << '\n';
  };
  if (!count_only) {
    for (const Hit& hit : response.hits) line("hit", hit_to_json(hit, mode));
    if (!request.facets.empty())
      line("facets", facets_to_json(response.facets));
  }
  line("summary", summary_to_json(request, response));
}

void write_human(const SearchRequest& request, const SearchResponse& response,
                 const HumanStyle& style, std::ostream& out) {
  auto styled = [&](const char* code, const std::string& text) {
    return style.color ? code + text + kAnsiReset : text;
  };
  // Text from the database, made safe for this output.
  const bool html = style.highlight == HighlightMode::kHtml;
  auto shown = [&](std::string_view text) {
    std::string safe = terminal_text(text);
    return html ? html_text(safe) : safe;
  };
  for (const Hit& hit : response.hits) {
    const StoredArticle& a = hit.article;
    std::string rank = std::to_string(hit.rank) + ". ";
    std::vector<Piece> title;
    bool glue = false;
    split_pieces(hit.title, style.highlight, title, glue);
    if (style.color) {
      for (Piece& p : title) p.rendered = kAnsiBold + p.rendered + kAnsiReset;
    }
    out << styled(kAnsiBold, rank);
    std::ostringstream title_text;
    write_wrapped(title, rank.size(), style.width, title_text);
    out << title_text.str().substr(rank.size());

    std::string meta = shown(a.source);
    if (!a.date_iso.empty()) meta += " \xC2\xB7 " + shown(a.date_iso);
    if (!a.authors.empty()) {
      meta += " \xC2\xB7 by ";
      for (std::size_t k = 0; k < a.authors.size(); ++k) {
        meta += (k ? ", " : "") + shown(a.authors[k]);
      }
    }
    meta += " \xC2\xB7 " + shown(a.id) + " \xC2\xB7 score " +
            format_score(hit.score);
    out << std::string(rank.size(), ' ') << styled(kAnsiDim, meta) << '\n';
    if (!a.url.empty() && a.url != a.id) {
      std::string url = shown(a.url);
      if (html && !web_link_url(a.url).empty()) {
        url = "<a href=\"" + url + "\">" + url + "</a>";
      }
      out << std::string(rank.size(), ' ') << styled(kAnsiDim, url) << '\n';
    }
    std::string indent(rank.size(), ' ');
    if (!a.actors.empty()) {
      std::vector<Piece> names;
      for (std::size_t k = 0; k < a.actors.size(); ++k) {
        std::string text =
            shown(a.actors[k].name) + (k + 1 < a.actors.size() ? "," : "");
        names.push_back({text, display_width(text)});
      }
      std::ostringstream line;
      write_wrapped(names, rank.size(), style.width, line);
      out << (style.color ? kAnsiDim + line.str() + kAnsiReset : line.str());
    }
    if (hit.duplicate_count > 0) {
      std::string ids;
      for (const auto& id : hit.duplicates)
        ids += (ids.empty() ? "" : ", ") + shown(id);
      if (hit.duplicate_count > hit.duplicates.size()) ids += ", ...";
      out << indent
          << styled(kAnsiDim, "+" + std::to_string(hit.duplicate_count) +
                                  " near-duplicate" +
                                  (hit.duplicate_count == 1 ? "" : "s") + ": " +
                                  ids)
          << '\n';
    }
    if (!hit.explanation.empty() || hit.recency > 0) {
      std::string parts;
      for (const auto& t : hit.explanation) {
        parts += (parts.empty() ? "" : " + ") + shown(t.term) + " " +
                 format_score(t.weight);
      }
      if (hit.recency > 0) {
        parts += (parts.empty() ? "" : " + ") + std::string("recency ") +
                 format_score(hit.recency);
      }
      out << indent << styled(kAnsiDim, "explain: " + parts) << '\n';
    }
    std::vector<Piece> snippet;
    for (std::size_t i = 0; i < hit.snippet.size(); ++i) {
      const Fragment& f = hit.snippet[i];
      bool ellipsis_before =
          i > 0 ? hit.snippet[i - 1].cut_after || f.cut_before : f.cut_before;
      glue = false;
      if (ellipsis_before) {
        snippet.push_back({kEllipsis, 1});
        glue = i == 0;  // "…word" at the start, "… word" between passages
      }
      split_pieces(f, style.highlight, snippet, glue);
    }
    if (!hit.snippet.empty() && hit.snippet.back().cut_after &&
        !snippet.empty()) {
      snippet.back().rendered += kEllipsis;
      ++snippet.back().width;
    }
    if (!snippet.empty()) write_wrapped(snippet, rank.size(), style.width, out);
    out << '\n';
  }

  for (const FacetResult& f : response.facets) {
    std::string name = f.field;
    if (!f.granularity.empty()) name += " by " + f.granularity;
    if (f.cross) {
      std::string by = f.cross->by;
      if (!f.cross->by_granularity.empty()) {
        by += " by " + f.cross->by_granularity;
      }
      out << styled(kAnsiBold, name + " \xC3\x97 " + by + ":") << '\n';
      write_cross_table(f, f.field + " \\ " + f.cross->by, shown, out);
      continue;
    }
    std::vector<Piece> pieces;
    auto add = [&](const std::string& value, std::size_t count) {
      if (!pieces.empty()) {
        pieces.back().rendered += " \xC2\xB7";  // " ·" between values
        pieces.back().width += 2;
      }
      std::string rendered =
          shown(value) + " " + styled(kAnsiBold, std::to_string(count));
      pieces.push_back({rendered, display_width(rendered)});
    };
    for (const FacetValue& v : f.values) add(v.value, v.count);
    if (f.missing > 0) add("unknown", f.missing);
    if (f.other > 0) add("(other)", f.other);
    if (pieces.empty()) {  // nothing matched, so nothing was counted
      out << styled(kAnsiBold, name + ":") << " (none)\n";
      continue;
    }
    out << styled(kAnsiBold, name + ":") << '\n';
    write_wrapped(pieces, 2, style.width, out);
  }
  if (!response.facets.empty()) out << '\n';

  std::size_t first = response.hits.empty() ? 0 : request.offset + 1;
  std::size_t last = request.offset + response.hits.size();
  char summary[160];
  if (response.collapsed) {
    std::snprintf(summary, sizeof summary, "%zu group%s of %zu match%s",
                  response.total, response.total == 1 ? "" : "s",
                  response.matches, response.matches == 1 ? "" : "es");
  } else {
    std::snprintf(summary, sizeof summary, "%zu match%s", response.total,
                  response.total == 1 ? "" : "es");
  }
  std::string line = summary;
  if (!response.hits.empty()) {
    line += ", showing " + std::to_string(first) + "-" + std::to_string(last);
  }
  std::snprintf(summary, sizeof summary, " (%.1f ms%s)",
                response.seconds * 1000,
                match_human(request, response).c_str());
  line += summary;
  out << styled(kAnsiDim, line) << '\n';
  if (!response.suggestion.empty()) {
    out << "Did you mean: " << styled(kAnsiBold, shown(response.suggestion))
        << '\n';
  }
}

namespace {

std::vector<FacetValue> first(const std::vector<FacetValue>& v,
                              std::size_t size) {
  if (size == 0 || v.size() <= size) return v;
  return {v.begin(), v.begin() + static_cast<std::ptrdiff_t>(size)};
}

}  // namespace

void write_stats_json(const DatabaseStats& s, std::size_t size,
                      std::ostream& out) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& v : first(s.sources, size)) {
    sources.push_back({{"value", v.value}, {"count", v.count}});
  }
  auto or_null = [](const std::string& v) {
    return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v);
  };
  nlohmann::json actors = nlohmann::json::array();
  for (const auto& v : first(s.actors, size)) {
    actors.push_back(
        {{"value", v.value}, {"count", v.count}, {"type", v.type}});
  }
  nlohmann::json data = {{"version", kJsonFormatVersion},
                         {"actors", actors},
                         {"documents", s.documents},
                         {"undated", s.undated},
                         {"first_date", or_null(s.first_date)},
                         {"last_date", or_null(s.last_date)},
                         {"source_count", s.sources.size()},
                         {"sources", sources},
                         {"language", s.language},
                         {"schema", s.schema_version},
                         {"last_update", or_null(s.last_update)},
                         {"index_bytes", s.index_bytes}};
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldSpec& f : s.fields) {
    fields.push_back({{"name", f.name},
                      {"kind", field_kind_name(f.kind)},
                      {"facet", f.facet},
                      {"declared", f.declared}});
  }
  data["fields"] = fields;
  out << json_text({{"type", "stats"}, {"data", data}}) << '\n';
}

void write_stats_human(const DatabaseStats& s, std::size_t size,
                       const HumanStyle& style, std::ostream& out) {
  auto row = [&](const char* name, const std::string& value) {
    std::string label = name;
    label.resize(12, ' ');
    out << (style.color ? kAnsiBold + label + kAnsiReset : label)
        << terminal_text(value) << '\n';
  };
  row("documents",
      std::to_string(s.documents) +
          (s.undated ? " (" + std::to_string(s.undated) + " without a date)"
                     : ""));
  row("dates",
      s.first_date.empty() ? "none" : s.first_date + " .. " + s.last_date);
  row("sources", std::to_string(s.sources.size()));
  row("language", s.language.empty() ? "unknown" : s.language);
  char mb[32];
  std::snprintf(mb, sizeof mb, "%.1f MB",
                static_cast<double>(s.index_bytes) / 1e6);
  row("index size", mb);
  row("updated", s.last_update.empty() ? "unknown" : s.last_update);
  std::string facets, declared;
  for (const FieldSpec& f : s.fields) {
    if (f.declared) {
      declared += (declared.empty() ? "" : ", ") + f.name + " (" +
                  field_kind_name(f.kind) + ")";
    }
    if (f.facet) facets += (facets.empty() ? "" : ", ") + f.name;
  }
  row("facets", facets);
  row("fields", declared.empty() ? "none declared" : declared);
  auto value_list = [&](const char* heading,
                        const std::vector<FacetValue>& values) {
    std::vector<Piece> pieces;
    for (const auto& v : first(values, size)) {
      if (!pieces.empty()) {
        pieces.back().rendered += " \xC2\xB7";
        pieces.back().width += 2;
      }
      std::string text = terminal_text(v.value) + " " + std::to_string(v.count);
      pieces.push_back({text, display_width(text)});
    }
    if (pieces.empty()) return;
    out << (style.color ? std::string(kAnsiBold) + heading + kAnsiReset
                        : std::string(heading))
        << '\n';
    write_wrapped(pieces, 2, style.width, out);
  };
  value_list("top sources:", s.sources);
  value_list("top actors:", s.actors);
}

}  // namespace newsdex
