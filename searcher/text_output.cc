// The text output of a search, for a person at a terminal: a block per
// hit wrapped to the terminal's width, facet tables and a summary line.
#include "searcher/text_output.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sstream>

namespace newsdex {
namespace {

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  return buf;
}

// How the query's words were joined, for the summary line, when two words
// or more were joined: "; any of 7 words", "; all 2 words, --match all".
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

// Writes one response's parts in one style.
class HumanWriter {
 public:
  HumanWriter(const HumanStyle& style, std::ostream& out)
      : style_(style),
        out_(out),
        html_(style.highlight == HighlightMode::kHtml) {}

  std::string styled(const char* code, const std::string& text) const {
    return style_.color ? code + text + kAnsiReset : text;
  }
  // Text from the database, made safe for this output.
  std::string shown(std::string_view text) const {
    std::string safe = terminal_text(text);
    return html_ ? html_text(safe) : safe;
  }

  void hit(const Hit& hit) {
    std::string rank = std::to_string(hit.rank) + ". ";
    std::string indent(rank.size(), ' ');
    title(hit, rank);
    source_line(hit, indent);
    notes(hit, indent);
    snippet(hit, indent.size());
    out_ << '\n';
  }

  void facet(const FacetResult& f) {
    std::string name = f.field;
    if (!f.granularity.empty()) name += " by " + f.granularity;
    if (f.cross) {
      std::string by = f.cross->by;
      if (!f.cross->by_granularity.empty()) {
        by += " by " + f.cross->by_granularity;
      }
      out_ << styled(kAnsiBold, name + " \xC3\x97 " + by + ":") << '\n';
      write_cross_table(
          f, f.field + " \\ " + f.cross->by,
          [this](std::string_view text) { return shown(text); }, out_);
      return;
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
      out_ << styled(kAnsiBold, name + ":") << " (none)\n";
      return;
    }
    out_ << styled(kAnsiBold, name + ":") << '\n';
    write_wrapped(pieces, 2, style_.width, out_);
  }

  void summary(const SearchRequest& request, const SearchResponse& response) {
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
    out_ << styled(kAnsiDim, line) << '\n';
    if (!response.suggestion.empty()) {
      out_ << "Did you mean: " << styled(kAnsiBold, shown(response.suggestion))
           << '\n';
    }
  }

 private:
  // "1. " and the title, wrapped under itself.
  void title(const Hit& hit, const std::string& rank) {
    std::vector<Piece> title;
    bool glue = false;
    split_pieces(hit.title, style_.highlight, title, glue);
    if (style_.color) {
      for (Piece& p : title) p.rendered = kAnsiBold + p.rendered + kAnsiReset;
    }
    out_ << styled(kAnsiBold, rank);
    std::ostringstream title_text;
    write_wrapped(title, rank.size(), style_.width, title_text);
    out_ << title_text.str().substr(rank.size());
  }

  // Source, date, authors, id and score; the URL below.
  void source_line(const Hit& hit, const std::string& indent) {
    const StoredArticle& a = hit.article;
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
    out_ << indent << styled(kAnsiDim, meta) << '\n';
    if (!a.url.empty() && a.url != a.id) {
      std::string url = shown(a.url);
      if (html_ && !web_link_url(a.url).empty()) {
        url = "<a href=\"" + url + "\">" + url + "</a>";
      }
      out_ << indent << styled(kAnsiDim, url) << '\n';
    }
  }

  // The actors, near-duplicates and the score's explanation.
  void notes(const Hit& hit, const std::string& indent) {
    const StoredArticle& a = hit.article;
    if (!a.actors.empty()) {
      std::vector<Piece> names;
      for (std::size_t k = 0; k < a.actors.size(); ++k) {
        std::string text =
            shown(a.actors[k].name) + (k + 1 < a.actors.size() ? "," : "");
        names.push_back({text, display_width(text)});
      }
      std::ostringstream line;
      write_wrapped(names, indent.size(), style_.width, line);
      out_ << (style_.color ? kAnsiDim + line.str() + kAnsiReset : line.str());
    }
    if (hit.duplicate_count > 0) {
      std::string ids;
      for (const auto& id : hit.duplicates)
        ids += (ids.empty() ? "" : ", ") + shown(id);
      if (hit.duplicate_count > hit.duplicates.size()) ids += ", ...";
      out_ << indent
           << styled(kAnsiDim, "+" + std::to_string(hit.duplicate_count) +
                                   " near-duplicate" +
                                   (hit.duplicate_count == 1 ? "" : "s") +
                                   ": " + ids)
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
      out_ << indent << styled(kAnsiDim, "explain: " + parts) << '\n';
    }
  }

  void snippet(const Hit& hit, std::size_t indent) {
    std::vector<Piece> snippet;
    for (std::size_t i = 0; i < hit.snippet.size(); ++i) {
      const Fragment& f = hit.snippet[i];
      bool ellipsis_before =
          i > 0 ? hit.snippet[i - 1].cut_after || f.cut_before : f.cut_before;
      bool glue = false;
      if (ellipsis_before) {
        snippet.push_back({kEllipsis, 1});
        glue = i == 0;  // "…word" at the start, "… word" between passages
      }
      split_pieces(f, style_.highlight, snippet, glue);
    }
    if (!hit.snippet.empty() && hit.snippet.back().cut_after &&
        !snippet.empty()) {
      snippet.back().rendered += kEllipsis;
      ++snippet.back().width;
    }
    if (!snippet.empty()) write_wrapped(snippet, indent, style_.width, out_);
  }

  const HumanStyle& style_;
  std::ostream& out_;
  const bool html_;
};

}  // namespace

void write_human(const SearchRequest& request, const SearchResponse& response,
                 const HumanStyle& style, std::ostream& out) {
  HumanWriter writer(style, out);
  for (const Hit& hit : response.hits) writer.hit(hit);
  for (const FacetResult& f : response.facets) writer.facet(f);
  if (!response.facets.empty()) out << '\n';
  writer.summary(request, response);
}

}  // namespace newsdex
