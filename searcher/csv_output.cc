// RFC 4180 CSV for hits and facet tables.
#include "searcher/csv_output.h"

#include <cstdio>

namespace newsdex {

std::string csv_field(std::string_view value) {
  bool quote =
      value.find_first_of(",\"\r\n") != std::string_view::npos ||
      (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += csv_field(fields[i]);
  }
  line += "\r\n";
  return line;
}

void write_hits_csv(const SearchResponse& response, std::ostream& out) {
  out << csv_record({"rank", "id", "date", "source", "title", "url", "actors",
                     "authors", "score"});
  auto joined = [](const std::vector<std::string>& values) {
    std::string text;
    for (const auto& v : values) text += (text.empty() ? "" : "; ") + v;
    return text;
  };
  for (const Hit& hit : response.hits) {
    const StoredArticle& a = hit.article;
    std::vector<std::string> actors;
    for (const Actor& actor : a.actors) actors.push_back(actor.name);
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", hit.score);
    out << csv_record({std::to_string(hit.rank), a.id, a.date_iso, a.source,
                       a.title.empty() ? hit.display_title : a.title, a.url,
                       joined(actors), joined(a.authors), score});
  }
}

void write_facets_csv(const SearchResponse& response, std::ostream& out) {
  out << csv_record({"facet", "value", "by", "count"});
  for (const FacetResult& f : response.facets) {
    std::string name =
        f.granularity.empty() ? f.field : f.field + ":" + f.granularity;
    if (f.cross) {
      const CrossTab& t = *f.cross;
      name += "/" + t.by;
      if (!t.by_granularity.empty()) name += ":" + t.by_granularity;
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
          out << csv_record(
              {name, t.rows[r], t.columns[c], std::to_string(t.counts[r][c])});
        }
      }
      continue;
    }
    for (const FacetValue& v : f.values) {
      out << csv_record({name, v.value, "", std::to_string(v.count)});
    }
    if (f.missing > 0) {
      out << csv_record({name, "unknown", "", std::to_string(f.missing)});
    }
    if (f.other > 0) {
      out << csv_record({name, "(other)", "", std::to_string(f.other)});
    }
  }
}

}  // namespace newsdex
