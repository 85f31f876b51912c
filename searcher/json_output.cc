// The --json output of a search: JSON Lines built with nlohmann::json, so
// it is always valid.
#include "searcher/json_output.h"

#include <cmath>

#include "common/json_text.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

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

}  // namespace

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

}  // namespace newsdex
