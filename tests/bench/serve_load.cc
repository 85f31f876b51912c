// A bounded load on newsdex-serve for scripts/bench-serve: CONNECTIONS
// client threads, each with its own keep-alive connection, send TOTAL
// GET /api/search requests in all (the queries of QUERIES_FILE in turn,
// each with PARAMS appended), then stop. Prints one tab-separated line:
//
//   requests  failed  seconds  requests_per_second  p50_ms  p99_ms
//
// A request fails when it gets no answer or a status other than 200; the
// first few failures are described on stderr.
//
//   newsdex_serve_load PORT CONNECTIONS TOTAL QUERIES_FILE [PARAMS]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: newsdex_serve_load PORT CONNECTIONS TOTAL "
                 "QUERIES_FILE [PARAMS]\n";
    return 2;
  }
  const int port = std::stoi(argv[1]);
  const int connections = std::stoi(argv[2]);
  const long total = std::stol(argv[3]);
  const std::string params = argc > 5 ? argv[5] : "";
  std::vector<std::string> paths;
  {
    std::ifstream in(argv[4]);
    std::string q;
    while (std::getline(in, q)) {
      if (q.empty()) continue;
      paths.push_back(
          "/api/search?q=" + httplib::detail::encode_query_param(q) +
          (params.empty() ? "" : "&" + params));
    }
  }
  if (paths.empty() || connections < 1 || total < 1) {
    std::cerr << "newsdex_serve_load: no queries, connections or requests\n";
    return 2;
  }

  std::atomic<long> next{0};
  std::atomic<long> failed{0};
  std::mutex mutex;
  std::vector<double> latencies;
  latencies.reserve(static_cast<std::size_t>(total));
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < connections; ++c) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // as browsers and HTTP libraries do
      client.set_read_timeout(60, 0);
      std::vector<double> mine;
      for (long i = next++; i < total; i = next++) {
        const std::string& path =
            paths[static_cast<std::size_t>(i) % paths.size()];
        auto t0 = std::chrono::steady_clock::now();
        auto res = client.Get(path);
        auto t1 = std::chrono::steady_clock::now();
        mine.push_back(
            std::chrono::duration<double, std::milli>(t1 - t0).count());
        if (!res || res->status != 200) {
          if (failed++ < 5) {
            std::lock_guard lock(mutex);
            std::cerr << "failed: " << path << ": "
                      << (res ? std::to_string(res->status) + " " + res->body
                              : httplib::to_string(res.error()))
                      << "\n";
          }
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : clients) t.join();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) {
    std::size_t i = static_cast<std::size_t>(p * (latencies.size() - 1) + 0.5);
    return latencies[i];
  };
  std::printf("%ld\t%ld\t%.3f\t%.1f\t%.2f\t%.2f\n", total, failed.load(),
              seconds, total / seconds, pct(0.50), pct(0.99));
  return 0;
}
