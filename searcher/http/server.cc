#include "searcher/http/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "searcher/http/api.h"
#include "searcher/rendering.h"
#include "searcher/search.h"

namespace newsdex::http {
namespace {

std::chrono::sys_days today() {
  return std::chrono::floor<std::chrono::days>(
      std::chrono::system_clock::now());
}

std::chrono::steady_clock::time_point& request_start() {
  thread_local std::chrono::steady_clock::time_point start =
      std::chrono::steady_clock::now();
  return start;
}

Params params_of(const httplib::Request& req) {
  Params out;
  for (const auto& [name, value] : req.params) out.emplace_back(name, value);
  return out;
}

void send(httplib::Response& res, const ApiResponse& api) {
  res.status = api.status;
  res.set_content(api.body, api.content_type.c_str());
  res.set_header("Cache-Control", "no-store");
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  httplib::Server http;
  std::mutex log_mutex;

  // One searcher per worker thread (a Searcher is not thread-safe), opened
  // on the thread's first request and moved to the latest revision before
  // each one, so that articles an indexer commits are seen at once.
  Searcher& searcher() {
    thread_local std::unique_ptr<Searcher> own;
    thread_local const Impl* owner = nullptr;
    if (!own || owner != this) {
      own = std::make_unique<Searcher>(options.db);
      owner = this;
    } else {
      own->refresh();
    }
    return *own;
  }

  // Runs a handler with the thread's searcher; a database that cannot be
  // read answers 503, anything unexpected 500, never a crash.
  template <typename Fn>
  void with_searcher(httplib::Response& res, Fn fn) {
    try {
      send(res, fn(searcher()));
    } catch (const Xapian::DatabaseOpeningError& e) {
      send(res, api_error(503, "database unreadable: " + e.get_msg()));
    } catch (const Xapian::Error& e) {
      send(res, api_error(503, "database error: " + e.get_msg()));
    } catch (const std::exception& e) {
      send(res, api_error(500, std::string("internal error: ") + e.what()));
    }
  }

  // When the request on this thread must be answered by.
  std::chrono::steady_clock::time_point deadline() const {
    return request_start() + options.time_limit;
  }

  void routes() {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(page_html()), "text/html; charset=utf-8");
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; "
                     "style-src 'self' 'unsafe-inline'; "
                     "script-src 'self' 'unsafe-inline'");
    });
    http.Get("/api/health",
             [this](const httplib::Request&, httplib::Response& res) {
               with_searcher(res, [](Searcher& s) { return api_health(s); });
             });
    http.Get(
        "/api/stats", [this](const httplib::Request&, httplib::Response& res) {
          with_searcher(
              res, [this](Searcher& s) { return api_stats(s, options.db); });
        });
    http.Get("/api/search",
             [this](const httplib::Request& req, httplib::Response& res) {
               with_searcher(res, [&](Searcher& s) {
                 return api_search(s, params_of(req), today(), deadline());
               });
             });
    http.Get("/api/suggest",
             [this](const httplib::Request& req, httplib::Response& res) {
               with_searcher(res, [&](Searcher& s) {
                 return api_suggest(s, params_of(req), deadline());
               });
             });
    http.Get(R"(/api/articles/(.+))",
             [this](const httplib::Request& req, httplib::Response& res) {
               with_searcher(res, [&](Searcher& s) {
                 return api_article(s, req.matches[1].str());
               });
             });
    http.Post("/api/batch",
              [this](const httplib::Request& req, httplib::Response& res) {
                with_searcher(res, [&](Searcher& s) {
                  return api_batch(s, req.body, today(), deadline());
                });
              });
    // Anything else: JSON errors with the status httplib chose.
    http.set_error_handler(
        [](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty()) return;
          std::string message = res.status == 404
                                    ? "no such page: " + terminal_text(req.path)
                                : res.status == 413 ? "request too large"
                                                    : "bad request";
          send(res, api_error(res.status, message));
        });
    http.set_exception_handler([](const httplib::Request&,
                                  httplib::Response& res, std::exception_ptr) {
      send(res, api_error(500, "internal error"));
    });
    // A request is read, routed, answered and logged on one worker thread:
    // its start time waits in a thread_local.
    http.set_pre_routing_handler(
        [](const httplib::Request&, httplib::Response&) {
          request_start() = std::chrono::steady_clock::now();
          return httplib::Server::HandlerResponse::Unhandled;
        });
    http.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) {
          if (options.log == nullptr) return;
          double ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - request_start())
                          .count();
          char took[32];
          std::snprintf(took, sizeof took, "%.1f", ms);
          std::lock_guard lock(log_mutex);
          *options.log << req.method << ' ' << terminal_text(req.path) << ' '
                       << res.status << ' ' << took << " ms\n"
                       << std::flush;
        });
  }
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  Searcher check(impl_->options.db);  // fails now, not on the first request
  unsigned threads = impl_->options.threads;
  // A worker serves one connection at a time, and a keep-alive connection
  // holds its worker while idle (up to 5 s): more workers than cores, so
  // a few idle browsers never lock out a new client.
  if (threads == 0) {
    threads = std::max(8u, 4 * std::thread::hardware_concurrency());
  }
  impl_->http.new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  impl_->http.set_payload_max_length(kMaxBodyBytes);
  // Headers and body go out in separate writes: with Nagle's algorithm on,
  // the body waits for the client's delayed ACK (40 ms a request on Linux).
  impl_->http.set_tcp_nodelay(true);
  // A browser or script keeps its connection for many requests.
  impl_->http.set_keep_alive_max_count(1000);
  impl_->http.set_read_timeout(10, 0);
  impl_->http.set_write_timeout(10, 0);
  impl_->routes();
}

Server::~Server() = default;

int Server::bind() {
  if (impl_->options.port == 0) {
    return impl_->http.bind_to_any_port(impl_->options.bind);
  }
  return impl_->http.bind_to_port(impl_->options.bind, impl_->options.port)
             ? impl_->options.port
             : -1;
}

void Server::serve() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace newsdex::http
