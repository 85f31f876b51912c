#include "searcher/http/api.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/fields.h"
#include "common/text_utf8.h"
#include "searcher/batch.h"
#include "searcher/db_stats.h"
#include "searcher/display_title.h"
#include "searcher/json_output.h"
#include "searcher/request_options.h"
#include "searcher/stats_output.h"

namespace newsdex::http {
namespace {

// The names of the command line's options of one kind, from its option
// table: list options (--source, --where, ...) may be repeated, switches
// (--collapse, ...) take "1", "true", "yes", "on" or nothing for on.
std::set<std::string, std::less<>> options_of_kind(RequestOption::Kind kind) {
  std::set<std::string, std::less<>> names;
  for (const RequestOption& o : request_options()) {
    if (o.kind == kind) names.insert(o.name);
  }
  return names;
}
const std::set<std::string, std::less<>>& list_params() {
  static const auto names = options_of_kind(RequestOption::Kind::kList);
  return names;
}
const std::set<std::string, std::less<>>& switch_params() {
  static const auto names = options_of_kind(RequestOption::Kind::kFlag);
  return names;
}

ApiResponse json_response(int status, const nlohmann::json& body) {
  return {status,
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

std::optional<bool> switch_value(const std::string& text) {
  if (text.empty() || text == "1" || text == "true" || text == "yes" ||
      text == "on") {
    return true;
  }
  if (text == "0" || text == "false" || text == "no" || text == "off") {
    return false;
  }
  return std::nullopt;
}

}  // namespace

ApiResponse api_error(int status, const std::string& message) {
  return json_response(status,
                       {{"error", {{"status", status}, {"message", message}}}});
}

ApiResponse api_search(Searcher& searcher, const Params& params,
                       std::chrono::sys_days today,
                       std::chrono::steady_clock::time_point deadline) {
  if (params.size() > kMaxParams) {
    return api_error(400, "too many parameters (" +
                              std::to_string(params.size()) + "; at most " +
                              std::to_string(kMaxParams) + ")");
  }
  SearchRequest request;
  request.today = today;
  std::map<std::string, nlohmann::json> lists;
  std::set<std::string> seen;
  for (const auto& [raw_name, value] : params) {
    if (find_invalid_utf8(raw_name) != std::string::npos ||
        find_invalid_utf8(value) != std::string::npos) {
      return api_error(400, "parameter '" + terminal_text(raw_name) +
                                "' is not valid UTF-8");
    }
    std::string name = raw_name == "query" ? "q" : raw_name;
    for (char& c : name) {
      if (c == '_') c = '-';
    }
    if (list_params().count(name)) {
      lists[name].push_back(value);
      continue;
    }
    if (!seen.insert(name).second) {
      return api_error(400, "parameter '" + raw_name + "' given twice");
    }
    nlohmann::json json_value = value;
    if (switch_params().count(name)) {
      auto on = switch_value(value);
      if (!on) {
        return api_error(
            400, "parameter '" + raw_name + "' needs 1 or 0 (true or false)");
      }
      json_value = *on;
    } else if (name == "recent") {
      if (auto on = switch_value(value)) json_value = *on;
    } else if (name == "q" && value.size() > kMaxQueryBytes) {
      return api_error(400, "query too long (" + std::to_string(value.size()) +
                                " bytes; at most " +
                                std::to_string(kMaxQueryBytes) + ")");
    }
    if (std::string error = apply_request_option(request, name, json_value);
        !error.empty()) {
      return api_error(400, error);
    }
  }
  for (const auto& [name, values] : lists) {
    if (std::string error = apply_request_option(request, name, values);
        !error.empty()) {
      return api_error(400, error);
    }
  }
  if (request.limit > kMaxLimit) {
    return api_error(400, "invalid value '" + std::to_string(request.limit) +
                              "' for limit; at most " +
                              std::to_string(kMaxLimit));
  }
  request.deadline = deadline;
  SearchResponse response = search_latest(searcher, request);
  if (!response.ok) {
    int status = response.timed_out ? 503 : 400;
    return json_response(status, {{"error",
                                   {{"status", status},
                                    {"message", response.error},
                                    {"query", response.offending}}}});
  }
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : response.hits) {
    hits.push_back(hit_to_json(hit, HighlightMode::kHtml));
  }
  nlohmann::json body = {{"hits", hits},
                         {"facets", facets_to_json(response.facets)},
                         {"summary", summary_to_json(request, response)}};
  return json_response(200, body);
}

ApiResponse api_batch(Searcher& searcher, const std::string& body,
                      std::chrono::sys_days today,
                      std::chrono::steady_clock::time_point deadline) {
  if (body.size() > kMaxBodyBytes) {
    return api_error(413, "request body too large (" +
                              std::to_string(body.size()) + " bytes; at most " +
                              std::to_string(kMaxBodyBytes) + ")");
  }
  SearchRequest defaults;
  defaults.today = today;
  defaults.deadline = deadline;
  std::istringstream in(body);
  std::ostringstream out;
  run_batch(searcher, defaults, BatchOptions{}, in, out);
  return {200, out.str(), "application/x-ndjson"};
}

ApiResponse api_article(Searcher& searcher, const std::string& id) {
  std::optional<StoredArticle> article = searcher.find_article(id);
  if (!article) return api_error(404, "no article with id '" + id + "'");
  Hit hit;
  hit.rank = 0;
  hit.article = *article;
  hit.display_title = display_title(hit.article);
  nlohmann::json j = hit_to_json(hit, HighlightMode::kNone);
  j.erase("rank");
  j.erase("score");
  j.erase("snippet");
  j.erase("title_highlighted");
  nlohmann::json actors = nlohmann::json::array();
  for (const Actor& a : article->actors) {
    actors.push_back({{"name", a.name}, {"type", actor_type_name(a.type)}});
  }
  j["actors"] = actors;
  j["text"] = article->text;
  return json_response(200, j);
}

ApiResponse api_stats(Searcher& searcher, const std::string& db_path) {
  DatabaseStats stats = collect_stats(searcher.database(), db_path);
  std::ostringstream out;
  write_stats_json(stats, 10, out);
  std::string text = out.str();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return {200, text};
}

ApiResponse api_suggest(Searcher& searcher, const Params& params,
                        std::chrono::steady_clock::time_point deadline) {
  std::string field = "actor", prefix;
  std::size_t limit = 10;
  for (const auto& [name, value] : params) {
    if (name == "field") {
      field = value;
    } else if (name == "prefix") {
      prefix = value;
    } else if (name == "limit") {
      SearchRequest r;
      if (std::string e = apply_request_option(r, "limit", value); !e.empty())
        return api_error(400, e);
      limit = std::min<std::size_t>(r.limit, kMaxLimit);
    } else {
      return api_error(400, "unknown parameter '" + terminal_text(name) +
                                "'; use field, prefix, limit");
    }
  }
  // Any keyword facet: source, actor, author and declared keyword fields.
  FieldTable fields = field_table_of(searcher.database());
  const FieldSpec* spec = fields.find(field);
  if (spec == nullptr || !spec->facet ||
      (spec->kind != FieldKind::kKeyword &&
       spec->kind != FieldKind::kKeywords)) {
    std::string names;
    for (const FieldSpec& f : fields.fields()) {
      if (f.facet &&
          (f.kind == FieldKind::kKeyword || f.kind == FieldKind::kKeywords)) {
        names += (names.empty() ? "" : ", ") + f.name;
      }
    }
    return api_error(400, "field '" + terminal_text(field) +
                              "' has no values to suggest; use " + names);
  }
  if (find_invalid_utf8(prefix) != std::string::npos) {
    return api_error(400, "prefix is not valid UTF-8");
  }
  SearchRequest request;
  request.limit = 0;
  request.facets = {{field, DateGranularity::kDay}};
  request.facet_size = 0;
  request.deadline = deadline;
  SearchResponse response = search_latest(searcher, request);
  if (!response.ok) return api_error(503, response.error);
  const std::string want = fold_for_key(prefix);
  nlohmann::json values = nlohmann::json::array();
  for (const FacetValue& v : response.facets.at(0).values) {
    if (values.size() >= limit) break;
    // A word of the value starts with the prefix: "zel" finds "Volodymyr
    // Zelenskyy".
    std::string folded = fold_for_key(v.value);
    bool match = want.empty();
    for (std::size_t at = folded.find(want); !match && at != std::string::npos;
         at = folded.find(want, at + 1)) {
      match = at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '-';
    }
    if (!match) continue;
    nlohmann::json item = {{"value", v.value}, {"count", v.count}};
    if (!v.type.empty()) item["type"] = v.type;
    values.push_back(item);
  }
  return json_response(
      200, {{"field", field}, {"prefix", prefix}, {"values", values}});
}

ApiResponse api_health(Searcher& searcher) {
  return json_response(
      200,
      {{"status", "ok"}, {"documents", searcher.database().get_doccount()}});
}

}  // namespace newsdex::http
