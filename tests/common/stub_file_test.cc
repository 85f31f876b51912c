// Tests for common/stub_file.cc: what a stub may name.
#include "common/stub_file.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace newsdex {

namespace fs = std::filesystem;

TEST_CASE("a stub lists local shards inside its folder and TCP remotes") {
  auto dir = test::scratch_dir("stub_ok");
  test::write_file(dir / "db" / kStubFileName,
                   "# shards\n\nauto shard-0\nglass  ./sub/shard-1 \n"
                   "auto " +
                       (dir / "db" / "abs").string() +
                       "\nremote news.example:8100\n");
  auto shards = read_stub(dir / "db");
  REQUIRE(shards);
  REQUIRE(shards->size() == 4);
  CHECK((*shards)[0].path == dir / "db" / "shard-0");
  CHECK((*shards)[1].path == dir / "db" / "./sub/shard-1");
  CHECK((*shards)[2].path == dir / "db" / "abs");
  CHECK((*shards)[3].remote);
  CHECK((*shards)[3].host == "news.example");
  CHECK((*shards)[3].port == 8100);
  // The stub file itself reads the same.
  CHECK(read_stub(dir / "db" / kStubFileName)->size() == 4);
  // A plain folder is not a stub.
  fs::create_directories(dir / "plain");
  CHECK_FALSE(read_stub(dir / "plain"));
  CHECK_FALSE(read_stub(dir / "missing"));
}

TEST_CASE("a stub naming anything else is refused with its line") {
  auto dir = test::scratch_dir("stub_bad");
  fs::create_directories(dir / "outside");
  fs::create_directories(dir / "db");
  fs::create_symlink(dir / "outside", dir / "db" / "link");
  const char* lines[] = {
      "auto ../../../../etc",
      "auto ../outside",
      "auto /etc",
      "auto link/shard-0",  // a symbolic link out of the folder
      "auto .",
      "auto",
      "remote :ssh host xapian-progsrv /srv/db",
      "remote host",
      "remote host:99999",
      "remote host:80 extra",
      "inmemory",
      "tcp host 8100",
  };
  for (const char* line : lines) {
    CAPTURE(line);
    test::write_file(dir / "db" / kStubFileName,
                     std::string("auto shard-0\n") + line + "\n");
    try {
      read_stub(dir / "db");
      FAIL("accepted");
    } catch (const StubError& e) {
      std::string what = e.what();
      CHECK(what.find(std::string(kStubFileName) + ":2: '") !=
            std::string::npos);
    }
  }
}

}  // namespace newsdex
