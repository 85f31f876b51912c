// The database summary of newsdex-search --stats, as text or as JSON.
#include "searcher/stats_output.h"

#include <cstdio>

#include "common/json_text.h"
#include "searcher/json_output.h"

namespace newsdex {
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
