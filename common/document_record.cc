// Document data is JSON (easy to grow), compressed with zstd.
#include "common/document_record.h"

#include <simdjson.h>
#include <xxhash.h>
#include <zstd.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "common/schema.h"

namespace newsdex {

std::string article_id_term(const std::string& id) {
  constexpr std::size_t kMaxIdBytes = 200;
  std::string term(schema::kIdPrefix);
  if (id.size() <= kMaxIdBytes) return term + id;
  char hash[24];
  std::snprintf(
      hash, sizeof hash, "#%016llx",
      static_cast<unsigned long long>(XXH3_64bits(id.data(), id.size())));
  return term + id.substr(0, kMaxIdBytes - 20) + hash;
}

std::string to_document_json(const Article& article) {
  nlohmann::json j = {
      {"id", article.id},
      {"url", article.url},
      {"source", article.source},
      {"title", article.title},
      {"text", article.text},
      {"date", article.date ? article.date->iso_date() : std::string()}};
  if (article.date && article.date->precision == DatePrecision::kTime) {
    j["datetime"] = article.date->iso();
  }
  if (!article.extra.empty()) j["extra"] = article.extra;
  if (!article.actors.empty()) {
    nlohmann::json actors = nlohmann::json::array();
    for (const Actor& a : article.actors) {
      actors.push_back({{"name", a.name}, {"type", actor_type_name(a.type)}});
    }
    j["actors"] = actors;
  }
  if (!article.authors.empty()) j["authors"] = article.authors;
  if (!article.dropped.empty()) {
    j["dropped"] = article.dropped;
    j["dropped_chars"] = article.dropped_chars;
  }
  return j.dump();
}

namespace {

// Level 3: 12 us an article on Reuters, 5% larger than zlib's default;
// higher levels cost two to six times as much for 2% less.
constexpr int kZstdLevel = 3;

bool is_packed(std::string_view data) {
  // A zstd frame starts with its magic number (little-endian); JSON with '{'.
  if (data.size() < 4) return false;
  std::uint32_t magic = 0;
  for (int i = 3; i >= 0; --i) {
    magic = magic << 8 | static_cast<unsigned char>(data[i]);
  }
  return magic == ZSTD_MAGICNUMBER;
}

[[noreturn]] void fail_data(const std::string& what) {
  throw std::runtime_error("stored article data: " + what);
}

std::size_t packed_size(std::string_view data) {
  unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > (1ULL << 32)) {
    fail_data("not a compressed article");
  }
  return static_cast<std::size_t>(size);
}

}  // namespace

std::string pack_document_data(std::string_view json) {
  struct Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    Context() {
      ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kZstdLevel);
      // 4 bytes an article: damaged data fails instead of reading as junk.
      ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    }
    ~Context() { ZSTD_freeCCtx(cctx); }
  };
  thread_local Context context;
  std::string out(ZSTD_compressBound(json.size()), '\0');
  std::size_t n = ZSTD_compress2(context.cctx, out.data(), out.size(),
                                 json.data(), json.size());
  if (ZSTD_isError(n)) fail_data(ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

std::string to_document_data(const Article& article) {
  return pack_document_data(to_document_json(article));
}

std::size_t document_data_size(std::string_view data) {
  return is_packed(data) ? packed_size(data) : data.size();
}

// Reading runs once per hit shown, so it uses simdjson's on-demand parser
// (about 20 times faster than building an nlohmann::json tree of the whole
// record); the nested "extra" and "dropped" values, which only some output
// shows, are handed to nlohmann::json as their raw JSON text.
StoredArticle from_document_data(const std::string& data, bool with_dropped) {
  namespace od = simdjson::ondemand;
  thread_local od::parser parser;
  simdjson::padded_string padded;
  if (is_packed(data)) {
    struct Context {
      ZSTD_DCtx* dctx = ZSTD_createDCtx();
      ~Context() { ZSTD_freeDCtx(dctx); }
    };
    thread_local Context context;
    std::size_t size = packed_size(data);
    padded = simdjson::padded_string(size);
    std::size_t n = ZSTD_decompressDCtx(context.dctx, padded.data(), size,
                                        data.data(), data.size());
    if (ZSTD_isError(n)) fail_data(ZSTD_getErrorName(n));
    if (n != size) fail_data("truncated compressed article");
  } else {
    padded = simdjson::padded_string(data);
  }
  StoredArticle a;
  auto fail = [&](simdjson::error_code error) {
    throw std::runtime_error(std::string("stored article data: ") +
                             simdjson::error_message(error));
  };
  auto text_of = [&](od::value value, std::string& out) {
    std::string_view view;
    if (auto error = value.get_string().get(view)) fail(error);
    out.assign(view);
  };
  od::document doc;
  if (auto error = parser.iterate(padded).get(doc)) fail(error);
  od::object object;
  if (auto error = doc.get_object().get(object)) fail(error);
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) fail(error);
    od::value value = field.value();
    if (key == "id") {
      text_of(value, a.id);
    } else if (key == "url") {
      text_of(value, a.url);
    } else if (key == "source") {
      text_of(value, a.source);
    } else if (key == "title") {
      text_of(value, a.title);
    } else if (key == "text") {
      text_of(value, a.text);
    } else if (key == "date") {
      text_of(value, a.date_iso);
    } else if (key == "datetime") {
      text_of(value, a.datetime_iso);
    } else if (key == "extra") {
      std::string_view raw;
      od::object extra;
      simdjson::error_code error = value.get_object().get(extra);
      if (!error) error = extra.raw_json().get(raw);
      if (error) fail(error);
      a.extra_json.assign(raw);
    } else if (key == "dropped" && with_dropped) {
      std::string_view raw;
      od::array dropped;
      simdjson::error_code error = value.get_array().get(dropped);
      if (!error) error = dropped.raw_json().get(raw);
      if (error) fail(error);
      a.dropped = nlohmann::json::parse(raw);
    } else if (key == "dropped_chars") {
      std::uint64_t n = 0;
      if (auto error = value.get_uint64().get(n)) fail(error);
      a.dropped_chars = static_cast<std::size_t>(n);
    } else if (key == "authors") {
      od::array authors;
      if (auto error = value.get_array().get(authors)) fail(error);
      for (auto element : authors) {
        std::string name;
        od::value v;
        if (auto error = element.get(v)) fail(error);
        text_of(v, name);
        a.authors.push_back(std::move(name));
      }
    } else if (key == "actors") {
      od::array actors;
      if (auto error = value.get_array().get(actors)) fail(error);
      for (auto element : actors) {
        Actor actor;
        std::string type;
        od::object fields;
        if (auto error = element.get_object().get(fields)) fail(error);
        for (auto f : fields) {
          std::string_view k;
          if (auto error = f.unescaped_key().get(k)) fail(error);
          if (k == "name") {
            text_of(f.value(), actor.name);
          } else if (k == "type") {
            text_of(f.value(), type);
          }
        }
        actor.type = type == "org" ? ActorType::kOrg : ActorType::kPerson;
        a.actors.push_back(std::move(actor));
      }
    }
  }
  // Databases written before "datetime" kept the instant, in UTC, under
  // "date"; its day is the one they were filed under.
  if (a.date_iso.size() > 10 && a.datetime_iso.empty()) {
    a.datetime_iso = a.date_iso;
    a.date_iso.resize(10);
  }
  return a;
}

nlohmann::json article_to_json(const StoredArticle& a) {
  nlohmann::json actors = nlohmann::json::array();
  nlohmann::json types = nlohmann::json::array();
  for (const Actor& actor : a.actors) {
    actors.push_back(actor.name);
    types.push_back(actor_type_name(actor.type));
  }
  nlohmann::json j = {
      {"id", a.id},           {"url", a.url},
      {"source", a.source},   {"title", a.title},
      {"date", a.date_iso},   {"actors", actors},
      {"actor_types", types}, {"authors", a.authors},
      {"text", a.text},       {"dropped_chars", a.dropped_chars}};
  if (!a.datetime_iso.empty()) j["datetime"] = a.datetime_iso;
  if (!a.extra_json.empty()) j["extra"] = a.extra();
  return j;
}

}  // namespace newsdex
