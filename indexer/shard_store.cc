#include "indexer/shard_store.h"

#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>

#include "indexer/document_prep.h"

namespace fs = std::filesystem;

namespace newsdex {

std::vector<fs::path> local_shards(const fs::path& dir) {
  std::vector<fs::path> shards;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return shards;
  auto stub = read_stub(dir);
  if (!stub) return shards;
  for (const StubShard& shard : *stub) {
    if (shard.remote) {
      throw std::runtime_error((dir / kStubFileName).string() + ": remote " +
                               shard.host + ":" + std::to_string(shard.port) +
                               " is not a local shard; add to remote shards "
                               "where they are stored");
    }
    shards.push_back(shard.path);
  }
  return shards;
}

void write_stub(const fs::path& dir, const std::vector<std::string>& shards) {
  fs::path tmp = dir / (std::string(kStubFileName) + ".tmp");
  {
    std::ofstream out(tmp);
    for (const auto& s : shards) out << "auto " << s << "\n";
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, dir / kStubFileName);
}

ShardStore::ShardStore(const std::vector<fs::path>& paths, bool spelling,
                       std::size_t commit_bytes)
    : spelling_(spelling), commit_bytes_(commit_bytes) {
  for (const auto& path : paths) {
    auto shard = std::make_unique<Shard>();
    shard->db =
        Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    shard->committed.emplace(path);
    shards_.push_back(std::move(shard));
  }
  try {
    start_threads();
  } catch (...) {
    stop_threads();  // joinable threads must not be destroyed
    throw;
  }
}

void ShardStore::start_threads() {
  for (auto& s : shards_) {
    Shard* shard = s.get();
    shard->thread = std::thread([this, shard] {
      // Any exception (std::bad_alloc included) is handed to finish();
      // none may leave the thread, which would end the process.
      try {
        DatabaseStore store(shard->db, spelling_, commit_bytes_,
                            &*shard->committed);
        while (auto job = shard->queue.pop()) {
          if (shard->error) continue;  // drain, so producers never block
          try {
            store.put(std::move(job->id_term), std::move(job->doc), 0, 0,
                      std::move(job->spelling));
          } catch (...) {
            shard->error = std::current_exception();
          }
        }
        if (!shard->error) store.flush();
      } catch (...) {
        if (!shard->error) shard->error = std::current_exception();
        shard->queue.close();  // producers' pushes are dropped, not blocked
      }
    });
  }
}

ShardStore::~ShardStore() {
  stop_threads();
  if (finished_) return;
  // The run is failing. Xapian's destructor would commit what the shard
  // holds, and after a failure inside Xapian (std::bad_alloc part-way
  // through a write) 1.4 has been seen to crash in that commit. Keep the
  // handles instead: nothing uncommitted is written, what earlier commits
  // wrote stays (the space written since is given back), and the process
  // is about to end with its error.
  for (auto& s : shards_) abandon_database(s->db, &*s->committed);
}

void ShardStore::stop_threads() {
  for (auto& s : shards_) s->queue.close();
  for (auto& s : shards_) {
    if (s->thread.joinable()) s->thread.join();
  }
}

void ShardStore::put(std::string id_term, Xapian::Document doc,
                     Xapian::docid existing, std::uint64_t sequence,
                     SpellingWords spelling) {
  std::size_t n = shards_.size();
  std::size_t i = existing != 0 ? (existing - 1) % n : sequence % n;
  shards_[i]->queue.push(
      {std::move(id_term), std::move(doc), std::move(spelling)});
}

void ShardStore::finish(
    const std::vector<std::pair<std::string, std::string>>& metadata) {
  stop_threads();
  for (auto& s : shards_) {
    if (s->error) std::rethrow_exception(s->error);
  }
  for (auto& s : shards_) {
    for (const auto& [key, value] : metadata) s->db.set_metadata(key, value);
    s->db.commit();
    s->committed->record();
  }
  finished_ = true;
}

}  // namespace newsdex
