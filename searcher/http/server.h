// newsdex-serve: an HTTP/1.1 server (cpp-httplib) over the search library:
// the JSON API of searcher/http/api.h and the embedded web page at "/".
#ifndef NEWSDEX_SEARCHER_HTTP_SERVER_H_
#define NEWSDEX_SEARCHER_HTTP_SERVER_H_

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace newsdex::http {

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;       // 0: a free port
  unsigned threads = 0;  // worker threads; 0: four per core (at least 8)
  // A search or batch request still running this long after it arrived is
  // stopped and answered 503.
  std::chrono::milliseconds time_limit{10'000};
  // Where the per-request log lines go (method, path, status, ms).
  std::ostream* log = nullptr;
};

class Server {
 public:
  // Checks that the database opens (throws what Searcher throws).
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port, or -1 when it cannot bind.
  int bind();
  // Serves until stop(); requests in flight are finished first.
  void serve();
  // Safe from any thread (a signal-watching one).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The web page served at "/" (searcher/http/page.html, compiled in).
std::string_view page_html();

}  // namespace newsdex::http

#endif  // NEWSDEX_SEARCHER_HTTP_SERVER_H_
