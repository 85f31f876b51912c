// newsdex-serve's JSON API as plain functions of a searcher and the
// request's parameters, with no sockets: the server (searcher/http/server)
// routes to them, tests call them directly.
#ifndef NEWSDEX_SEARCHER_HTTP_API_H_
#define NEWSDEX_SEARCHER_HTTP_API_H_

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "searcher/search.h"

namespace newsdex::http {

// Request limits: the most hits one request may ask for, the longest query
// text (bytes), the largest request body (bytes) and the most parameters.
inline constexpr std::size_t kMaxLimit = 1000;
inline constexpr std::size_t kMaxQueryBytes = 2000;
inline constexpr std::size_t kMaxBodyBytes = 1 << 20;
inline constexpr std::size_t kMaxParams = 100;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON (one object, or JSON Lines for the batch)
  std::string content_type = "application/json";
};

// Query parameters in order (a name may repeat: source=a&source=b).
using Params = std::vector<std::pair<std::string, std::string>>;

// An error as JSON: {"error": {"status": 400, "message": ...}}.
ApiResponse api_error(int status, const std::string& message);

// GET /api/search: the command line's options as parameters (q, source,
// actor, author, since, until, facets, facet-size, limit, offset, sort,
// match, collapse, recent, snippet-chars, fragments, like; source, actor
// author and where repeat), the same names, values and errors; one object
// {"hits": [...], "facets": {...}, "summary": {...}}. Snippets are HTML:
// the text escaped, matches in <b> (as --highlight html).
// A search still running at `deadline` (the server's per-request time
// limit; the default: none) is stopped and answered 503.
ApiResponse api_search(Searcher& searcher, const Params& params,
                       std::chrono::sys_days today,
                       std::chrono::steady_clock::time_point deadline = {});

// POST /api/batch: JSON Lines of queries, as newsdex-search --batch. The
// queries still running or not started at `deadline` get error lines.
ApiResponse api_batch(Searcher& searcher, const std::string& body,
                      std::chrono::sys_days today,
                      std::chrono::steady_clock::time_point deadline = {});

// GET /api/articles/ID: the whole stored article, or 404.
ApiResponse api_article(Searcher& searcher, const std::string& id);

// GET /api/stats: what newsdex-search --stats --json prints
// ({"type": "stats", "data": {...}}).
ApiResponse api_stats(Searcher& searcher, const std::string& db_path);

// GET /api/suggest?field=actor|source|author&prefix=zel[&limit=10]: values
// of a facet field with a word starting with the prefix (case and accents
// folded), most frequent first: {"field", "prefix", "values": [{"value",
// "count"[, "type"]}]}.
// A count still running at `deadline` is stopped and answered 503.
ApiResponse api_suggest(Searcher& searcher, const Params& params,
                        std::chrono::steady_clock::time_point deadline = {});

// GET /api/health: {"status": "ok", "documents": N}.
ApiResponse api_health(Searcher& searcher);

}  // namespace newsdex::http

#endif  // NEWSDEX_SEARCHER_HTTP_API_H_
