// newsdex-serve: the search service and web page over one database.
#include <boost/program_options.hpp>
#include <charconv>
#include <csignal>
#include <iostream>
#include <thread>

#include "common/whole_number.h"
#include "searcher/http/server.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  newsdex::http::ServeOptions options;
  std::string port_text = "8080", threads_text = "0", limit_text = "10";
  po::options_description desc(
      "newsdex-serve: a search service (JSON API) and a web page over a "
      "newsdex database\nUsage: newsdex-serve --db PATH [options]\nOptions");
  desc.add_options()("help,h", "this help")(
      "db,d", po::value(&options.db)->required(), "the database to serve")(
      "bind", po::value(&options.bind)->default_value("127.0.0.1"),
      "address to listen on (the loopback address unless told otherwise)")(
      "port", po::value(&port_text)->default_value("8080"),
      "port to listen on; 0 takes a free one")(
      "threads", po::value(&threads_text)->default_value("0"),
      "worker threads, each with its own searcher and serving one "
      "connection at a time; 0: four per core, at least 8")(
      "time-limit", po::value(&limit_text)->default_value("10"),
      "seconds a search or batch request may take before it is stopped and "
      "answered 503 (0.001 to 3600)");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help")) {
      std::cout << desc
                << "\nEndpoints: / (the page), /api/search, "
                   "/api/batch (POST), /api/articles/ID, /api/stats, "
                   "/api/suggest, /api/health\n";
      return 0;
    }
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "newsdex-serve: " << e.what() << "\n";
    return 2;
  }
  std::string error;
  auto port = newsdex::parse_whole_number("port", port_text, 0, 65535, error);
  auto threads =
      port ? newsdex::parse_whole_number("threads", threads_text, 0, 256, error)
           : std::nullopt;
  if (!port || !threads) {
    std::cerr << "newsdex-serve: " << error << "\n";
    return 2;
  }
  double limit = 0;
  auto [end, ec] = std::from_chars(
      limit_text.data(), limit_text.data() + limit_text.size(), limit);
  if (ec != std::errc{} || end != limit_text.data() + limit_text.size() ||
      !(limit >= 0.001 && limit <= 3600)) {
    std::cerr << "newsdex-serve: invalid value '" << limit_text
              << "' for --time-limit; needs seconds from 0.001 to 3600\n";
    return 2;
  }
  options.time_limit =
      std::chrono::milliseconds(static_cast<std::int64_t>(limit * 1000 + 0.5));
  options.port = static_cast<int>(*port);
  options.threads = static_cast<unsigned>(*threads);
  options.log = &std::cerr;

  // SIGINT and SIGTERM are waited for by one thread, which stops the
  // server; requests in flight finish.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    newsdex::http::Server server(options);
    int bound = server.bind();
    if (bound < 0) {
      std::cerr << "newsdex-serve: cannot listen on " << options.bind << ":"
                << options.port << "\n";
      return 2;
    }
    std::thread watcher([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      server.stop();
    });
    std::string host = options.bind.find(':') != std::string::npos
                           ? "[" + options.bind + "]"
                           : options.bind;
    std::cout << "listening on http://" << host << ":" << bound << "/"
              << std::endl;
    server.serve();
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
  } catch (const std::exception& e) {
    std::cerr << "newsdex-serve: " << options.db << ": " << e.what() << "\n";
    return 2;
  }
  return 0;
}
