// Option names and values for search requests.
#include "searcher/request_options.h"

#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include "common/whole_number.h"

namespace newsdex {
namespace {

template <typename T>
std::optional<T> choose(std::string_view option, std::string_view value,
                        const std::map<std::string, T, std::less<>>& allowed,
                        std::string& error) {
  auto it = allowed.find(value);
  if (it != allowed.end()) return it->second;
  std::string names;
  for (const auto& [name, _] : allowed) {
    names += (names.empty() ? "" : ", ") + name;
  }
  error = "invalid value '" + std::string(value) + "' for --" +
          std::string(option) + "; choose one of: " + names;
  return std::nullopt;
}

std::string to_text(const nlohmann::json& value) {
  return option_value_text(value);
}

// A finite number from a JSON number or its text, or nullopt.
std::optional<double> finite_number(const nlohmann::json& value) {
  double n = 0;
  if (value.is_number()) {
    n = value.get<double>();
  } else if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(n)) return std::nullopt;
  return n;
}

std::string invalid_value(const std::string& option,
                          const nlohmann::json& value,
                          const std::string& needs) {
  return "invalid value '" + to_text(value) + "' for --" + option + "; needs " +
         needs;
}

// Sets `out` to a whole number in [0, max], or returns what is wrong.
std::string set_count(const std::string& option, const nlohmann::json& value,
                      std::uint64_t max, std::size_t& out) {
  std::string error;
  auto n = parse_whole_number(option, value, 0, max, error);
  if (!n) return error;
  out = static_cast<std::size_t>(*n);
  return "";
}

// A string, or an array of strings, as a list.
bool to_list(const nlohmann::json& value, std::vector<std::string>& out) {
  out.clear();
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return true;
  }
  if (!value.is_array()) return false;
  for (const auto& v : value) {
    if (!v.is_string()) return false;
    out.push_back(v.get<std::string>());
  }
  return true;
}

}  // namespace

std::optional<SortOrder> parse_sort(std::string_view value,
                                    std::string& error) {
  static const std::map<std::string, SortOrder, std::less<>> kSorts{
      {"relevance", SortOrder::kRelevance},
      {"date", SortOrder::kDateAscending},
      {"-date", SortOrder::kDateDescending}};
  return choose("sort", value, kSorts, error);
}

std::optional<MatchMode> parse_match(std::string_view value,
                                     std::string& error) {
  static const std::map<std::string, MatchMode, std::less<>> kModes{
      {"all", MatchMode::kAll},
      {"any", MatchMode::kAny},
      {"auto", MatchMode::kAuto}};
  return choose("match", value, kModes, error);
}

namespace {

// Each apply_* sets one request field from a JSON value, or says what is
// wrong ("" when nothing is); `raw` is the option's name as given.
using Apply = std::string (*)(SearchRequest&, const std::string& raw,
                              const nlohmann::json&);

std::string needs(const std::string& raw, const char* what) {
  return "option '" + raw + "' needs " + what;
}

std::string apply_list(const std::string& raw, const nlohmann::json& value,
                       std::vector<std::string>& out) {
  if (!to_list(value, out)) return needs(raw, "a string or a list of strings");
  return "";
}

std::string apply_date(const std::string& raw, const nlohmann::json& value,
                       std::string& out) {
  if (!value.is_string()) return needs(raw, "a date string");
  out = value.get<std::string>();
  return "";
}

std::string apply_flag(const std::string& raw, const nlohmann::json& value,
                       bool& out) {
  if (!value.is_boolean()) return needs(raw, "true or false");
  out = value.get<bool>();
  return "";
}

std::string apply_where(SearchRequest& r, const std::string& raw,
                        const nlohmann::json& value) {
  std::vector<std::string> items;
  if (!to_list(value, items))
    return needs(raw, "FIELD=VALUE or a list of them");
  r.filters.where.clear();
  for (const std::string& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      return "invalid value '" + item + "' for --where; needs FIELD=VALUE";
    }
    r.filters.where.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return "";
}

std::string apply_facets(SearchRequest& r, const std::string& raw,
                         const nlohmann::json& value) {
  // true (a bare --facets) and "default" mean the default facets.
  if (value.is_boolean() || value == "default") {
    r.facets = value == false ? std::vector<FacetRequest>{} : default_facets();
    return "";
  }
  std::vector<std::string> items;
  if (!to_list(value, items)) {
    return needs(raw, "a list such as \"source,date:month\"");
  }
  std::string joined;
  for (const auto& i : items) joined += (joined.empty() ? "" : ",") + i;
  if (auto e = parse_facet_list(joined, r.facets)) return *e;
  return "";
}

std::string apply_recent(SearchRequest& r, const std::string&,
                         const nlohmann::json& value) {
  if (value.is_boolean()) {
    r.recent_half_life = value.get<bool>() ? kDefaultRecentHalfLife : 0;
    return "";
  }
  auto days = finite_number(value);
  if (!days || *days < 0 || *days > kMaxRecentHalfLife) {
    std::ostringstream max;
    max << kMaxRecentHalfLife;
    return invalid_value(
        "recent", value,
        "a half-life in days from 0 to " + max.str() + " (or true, false)");
  }
  r.recent_half_life = *days;
  return "";
}

std::string apply_sort(SearchRequest& r, const std::string&,
                       const nlohmann::json& value) {
  std::string error;
  auto s = parse_sort(to_text(value), error);
  if (s) r.sort = *s;
  return error;
}

std::string apply_match(SearchRequest& r, const std::string&,
                        const nlohmann::json& value) {
  std::string error;
  auto m = parse_match(to_text(value), error);
  if (m) r.match = *m;
  return error;
}

std::string apply_like(SearchRequest& r, const std::string& raw,
                       const nlohmann::json& value) {
  if (!value.is_string()) return needs(raw, "an article id");
  r.like = value.get<std::string>();
  return "";
}

std::vector<RequestOption> make_request_options() {
  using K = RequestOption::Kind;
  const std::string bare_facets = facet_list_text(default_facets());
  return {
      {"source", "s", K::kList, "NAME",
       "only articles from this source (repeatable: any of them)",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_list(raw, v, r.filters.sources);
       }},
      {"actor", "a", K::kList, "NAME",
       "only articles naming this person or organisation, under any of its "
       "names (repeatable: any of them)",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_list(raw, v, r.filters.actors);
       }},
      {"author", "", K::kList, "NAME",
       "only articles by this author, by full name or surname (repeatable: "
       "any of them); authors come from bylines and the records' authors "
       "field, and are never actors",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_list(raw, v, r.filters.authors);
       }},
      {"where", "", K::kList, "FIELD=VALUE",
       "only articles whose FIELD has VALUE, for any field that filters "
       "(source, actor, author, date, id, a field declared with newsdex-index "
       "--field); repeatable: values of one field are alternatives, fields "
       "must all hold",
       apply_where},
      {"since", "", K::kValue, "DATE",
       "only articles dated on or after this date (2025-06-01, 2025-06, "
       "2025)",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_date(raw, v, r.filters.since);
       }},
      {"until", "", K::kValue, "DATE",
       "only articles dated on or before this date",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_date(raw, v, r.filters.until);
       }},
      {"match", "", K::kValue, "MODE",
       "auto (default): every word must match in a query of up to 3 words, "
       "any of them in a longer one (ranked by how many and how rare); all: "
       "every word; any: at least one",
       apply_match},
      {"limit", "n", K::kValue, "N", "number of hits to show (default 10)",
       [](SearchRequest& r, const std::string&, const nlohmann::json& v) {
         return set_count("limit", v, kMaxResultCount, r.limit);
       }},
      {"offset", "", K::kValue, "N", "skip this many hits first (default 0)",
       [](SearchRequest& r, const std::string&, const nlohmann::json& v) {
         return set_count("offset", v, kMaxResultCount, r.offset);
       }},
      {"recent", "", K::kOptionalValue, "DAYS",
       "favour recent articles: a bonus halving every DAYS days of age (bare: "
       "30), at most a quarter of the best match's score",
       apply_recent},
      {"explain", "", K::kFlag, "",
       "show the weight each query term contributed to each hit",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_flag(raw, v, r.explain);
       }},
      {"collapse", "", K::kFlag, "",
       "one hit per group of near-duplicate articles (wire copies), listing "
       "the others",
       [](SearchRequest& r, const std::string& raw, const nlohmann::json& v) {
         return apply_flag(raw, v, r.collapse);
       }},
      {"like", "", K::kValue, "ID",
       "find articles like the one with this id (combines with the query "
       "and filters)",
       apply_like},
      {"sort", "", K::kValue, "ORDER",
       "relevance (default), date (oldest first) or -date (newest first)",
       apply_sort},
      {"facets", "", K::kOptionalValue, "LIST",
       "count facet values over all matches: a comma-separated LIST of "
       "source, actor, author, date (by day), date:month, date:year, or a "
       "field declared with newsdex-index --field; ROWS/COLUMNS "
       "(source/date:month) cross-tabulates two; bare --facets gives " +
           bare_facets,
       apply_facets},
      {"facet-size", "", K::kValue, "N",
       "values per facet (default 10, 0 for all); date facets are never cut",
       [](SearchRequest& r, const std::string&, const nlohmann::json& v) {
         return set_count("facet-size", v, kMaxResultCount, r.facet_size);
       }},
      {"snippet-chars", "", K::kValue, "N",
       "characters per snippet passage (default 160)",
       [](SearchRequest& r, const std::string&, const nlohmann::json& v) {
         return set_count("snippet-chars", v, kMaxSnippetChars,
                          r.snippet.chars);
       }},
      {"fragments", "", K::kValue, "N", "snippet passages per hit (default 2)",
       [](SearchRequest& r, const std::string&, const nlohmann::json& v) {
         return set_count("fragments", v, kMaxFragments, r.snippet.fragments);
       }},
  };
}

}  // namespace

const std::vector<RequestOption>& request_options() {
  static const std::vector<RequestOption> kOptions = make_request_options();
  return kOptions;
}

std::string apply_request_option(SearchRequest& r, const std::string& raw_name,
                                 const nlohmann::json& value) {
  std::string name = raw_name;
  for (char& c : name) {
    if (c == '_') c = '-';
  }
  if (name == "q" || name == "query") {
    if (!value.is_string()) return needs(raw_name, "a string");
    r.query = value.get<std::string>();
    return "";
  }
  for (const RequestOption& option : request_options()) {
    if (option.name == name) return option.apply(r, raw_name, value);
  }
  return "unknown option '" + raw_name + "'";
}

}  // namespace newsdex
