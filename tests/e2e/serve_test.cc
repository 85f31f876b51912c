// End-to-end tests of newsdex-serve: the server started on a free port,
// every endpoint, error statuses, concurrent requests, hostile requests,
// reopening after an index run, and a clean stop on SIGTERM.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

// newsdex-serve running on a free port; stopped (SIGTERM) at the end.
class ServeProcess {
 public:
  // `threads`: the --threads value, or "" for the server's default.
  explicit ServeProcess(const std::string& db, std::string threads = "4") {
    int out[2];
    REQUIRE(pipe(out) == 0);
    err_path_ = scratch("serve-log") / "stderr.txt";
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(out[1], 1);
      FILE* err = fopen(err_path_.c_str(), "w");
      if (err != nullptr) dup2(fileno(err), 2);
      close(out[0]);
      std::string bin = std::string(NEWSDEX_BIN_DIR) + "/newsdex-serve";
      if (threads.empty()) {
        execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--port", "0",
              static_cast<char*>(nullptr));
      } else {
        execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--port", "0",
              "--threads", threads.c_str(), static_cast<char*>(nullptr));
      }
      _exit(127);
    }
    close(out[1]);
    // The first line says where it listens.
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    out_fd_ = out[0];
    first_line = line;
    auto colon = line.rfind(':');
    if (line.rfind("listening on http://127.0.0.1:", 0) == 0 &&
        colon != std::string::npos) {
      port = std::stoi(line.substr(colon + 1));
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && !stopped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_fd_);
  }
  // Sends SIGTERM; returns the exit status.
  int stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    stopped_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string log() const {
    std::ifstream in(err_path_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  std::string first_line;
  int port = 0;

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  bool stopped_ = false;
  std::filesystem::path err_path_;
};

nlohmann::json get_json(httplib::Client& c, const std::string& path,
                        int expected_status) {
  auto res = c.Get(path);
  REQUIRE(res);
  CAPTURE(path);
  CHECK(res->status == expected_status);
  CHECK(res->get_header_value("Content-Type").find("json") !=
        std::string::npos);
  return nlohmann::json::parse(res->body);
}

}  // namespace

TEST_CASE("newsdex-serve answers every endpoint and every error as JSON") {
  std::string db = index_seed_corpus("serve-endpoints");
  ServeProcess server(db);
  REQUIRE(server.port > 0);
  httplib::Client c("127.0.0.1", server.port);

  nlohmann::json health = get_json(c, "/api/health", 200);
  CHECK(health["status"] == "ok");
  std::size_t documents = health["documents"];
  CHECK(documents == 5);

  nlohmann::json found =
      get_json(c, "/api/search?q=the&facets=source,date:month&limit=3", 200);
  CHECK(found["hits"].size() == 3);
  CHECK(found["facets"].contains("source"));
  CHECK(found["summary"]["total"] >= 3);
  std::string id = found["hits"][0]["id"];

  nlohmann::json article = get_json(c, "/api/articles/" + id, 200);
  CHECK(article["id"] == id);
  CHECK(!article["text"].get<std::string>().empty());
  get_json(c, "/api/articles/no-such-id", 404);
  CHECK(get_json(c, "/api/stats", 200)["data"]["documents"] == 5);
  CHECK(get_json(c, "/api/suggest?field=source&prefix=", 200)["values"].size() >
        0);
  get_json(c, "/api/search?q=the&limit=1001", 400);
  get_json(c, "/api/search?q=oil%20AND", 400);
  get_json(c, "/api/nothing-here", 404);

  auto page = c.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<title>newsdex</title>") != std::string::npos);

  auto batch = c.Post("/api/batch", "the\n{\"q\":\"oil\",\"id\":1}\n",
                      "application/x-ndjson");
  REQUIRE(batch);
  CHECK(batch->status == 200);
  CHECK(batch->body.find("batch_summary") != std::string::npos);

  CHECK(server.stop() == 0);
  std::string log = server.log();
  CHECK(log.find("GET /api/health 200 ") != std::string::npos);
  CHECK(log.find(" ms\n") != std::string::npos);
  CHECK(log.find("GET /api/nothing-here 404") != std::string::npos);
}

TEST_CASE("newsdex-serve: hostile requests get a clean status, others go on") {
  std::string db = index_seed_corpus("serve-hostile");
  ServeProcess server(db);
  REQUIRE(server.port > 0);
  httplib::Client c("127.0.0.1", server.port);
  // No file outside the page is ever served.
  for (const char* path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/..%2f..%2fetc",
        "/api/articles/..%2F..%2Fetc%2Fpasswd"}) {
    auto res = c.Get(path);
    REQUIRE(res);
    CAPTURE(path);
    CHECK((res->status == 404 || res->status == 400));
    CHECK(res->body.find("root:") == std::string::npos);
  }
  // Invalid UTF-8, 10,000 parameters, a huge header.
  get_json(c, "/api/search?q=oil%FF", 400);
  std::string many = "/api/search?q=oil";
  for (int i = 0; i < 10000; ++i) many += "&actor=x" + std::to_string(i);
  auto res = c.Get(many);
  REQUIRE(res);
  CHECK(res->status >= 400);
  httplib::Headers huge{{"X-Huge", std::string(100000, 'a')}};
  auto big = c.Get("/api/health", huge);
  CHECK((!big || big->status >= 400));
  // A slow client that sends half a request and waits does not stop others.
  std::thread slow([&] {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server.port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
      const char half[] = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
      (void)!write(fd, half, sizeof half - 1);
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    }
    close(fd);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(get_json(c, "/api/health", 200)["status"] == "ok");
  slow.join();
  CHECK(server.stop() == 0);
}

TEST_CASE("newsdex-serve: concurrent searches, and new articles seen at once") {
  std::string db = index_seed_corpus("serve-concurrent");
  ServeProcess server(db);
  REQUIRE(server.port > 0);
  std::atomic<int> failed{0}, done{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", server.port);
      for (int i = 0; i < 40; ++i) {
        auto res = c.Get("/api/search?q=the&facets=source,actor&limit=5");
        if (!res || res->status != 200) ++failed;
        ++done;
      }
    });
  }
  // Meanwhile the indexer adds an article to the same database.
  std::filesystem::path input = scratch("serve-concurrent-input") / "new.jsonl";
  std::ofstream(input) << R"({"id":"fresh-1","title":"Zanzibar harbour )"
                          R"(reopens","text":"The Zanzibar harbour )"
                          R"(reopened on Monday.","source":"AnewZ",)"
                          R"("date":"2025-06-05"})"
                       << "\n";
  ProgramResult added = run("newsdex-index", {"--db", db, input.string()});
  CHECK(added.exit_code == 0);
  for (auto& t : clients) t.join();
  CHECK(failed == 0);
  CHECK(done == 320);
  httplib::Client c("127.0.0.1", server.port);
  nlohmann::json found = get_json(c, "/api/search?q=zanzibar", 200);
  CHECK(found["summary"]["total"] == 1);
  CHECK(server.stop() == 0);
}

TEST_CASE(
    "newsdex-serve: a body too large is 413, an unreadable database 503") {
  std::string db = index_seed_corpus("serve-statuses");
  ServeProcess server(db);
  REQUIRE(server.port > 0);
  httplib::Client c("127.0.0.1", server.port);
  auto big =
      c.Post("/api/batch", std::string(2 << 20, 'a'), "application/x-ndjson");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(big->body.find("\"error\"") != std::string::npos);
  // The database's files taken away under the server: 503, named, and the
  // server answers again once they are back.
  std::filesystem::path moved = db + ".away";
  std::filesystem::rename(db, moved);
  auto gone = c.Get("/api/search?q=the");
  std::filesystem::rename(moved, db);
  REQUIRE(gone);
  CHECK(gone->status == 503);
  CHECK(gone->body.find("database") != std::string::npos);
  CHECK(get_json(c, "/api/search?q=the", 200)["summary"]["total"] > 0);
  CHECK(server.stop() == 0);
}

TEST_CASE("newsdex-serve: idle keep-alive connections do not lock others out") {
  // A browser keeps a few connections open between searches; each holds a
  // worker while it waits. With the default threads, three idle ones must
  // leave a worker for a new client.
  std::string db = index_seed_corpus("serve-idle");
  ServeProcess server(db, "");
  REQUIRE(server.port > 0);
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<httplib::Client>("127.0.0.1", server.port));
    idle.back()->set_keep_alive(true);
    auto res = idle.back()->Get("/api/health");
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  httplib::Client fresh("127.0.0.1", server.port);
  fresh.set_read_timeout(2, 0);
  auto res = fresh.Get("/api/search?q=the");
  REQUIRE_MESSAGE(res, "no answer within 2 s while 3 connections idle");
  CHECK(res->status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("newsdex-serve: --time-limit takes seconds, and refuses nonsense") {
  for (std::string bad : {"0", "-1", "nan", "1e9", "10s", ""}) {
    CAPTURE(bad);
    ProgramResult r =
        run("newsdex-serve", {"--db", "/nonexistent", "--time-limit", bad});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--time-limit") != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK(run("newsdex-serve", {"--help"}).out.find("--time-limit") !=
        std::string::npos);
}

}  // namespace newsdex::e2e
