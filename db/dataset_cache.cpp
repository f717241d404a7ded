// The cache file: a small header (magic, file version, the store's schema version, the
// token, the image's length) and the Dataset image. See dataset_cache.hpp for when it is
// trusted; here, only how it is read and written without trusting its bytes.
#include "db/dataset_cache.hpp"

#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/dataset_image.hpp"
#include "db/file_descriptor.hpp"
#include "db/migrations.hpp"
#include "db/store.hpp"

namespace db {
namespace {

constexpr char kMagic[8] = {'L', 'B', 'C', 'A', 'C', 'H', 'E', '\n'};
constexpr uint32_t kFileVersion = 1;
constexpr size_t kTokenSize = 32;  // hex of 16 random bytes
constexpr size_t kHeaderSize = sizeof kMagic + 2 * sizeof(uint32_t) + kTokenSize + sizeof(uint64_t);

struct Header {
    uint32_t version = 0, schema = 0;
    std::string token;
    uint64_t image_bytes = 0;
};

std::optional<Header> parse_header(std::string_view bytes) {
    if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    Header h;
    size_t at = sizeof kMagic;
    std::memcpy(&h.version, bytes.data() + at, sizeof h.version);
    at += sizeof h.version;
    std::memcpy(&h.schema, bytes.data() + at, sizeof h.schema);
    at += sizeof h.schema;
    h.token.assign(bytes.data() + at, kTokenSize);
    at += kTokenSize;
    std::memcpy(&h.image_bytes, bytes.data() + at, sizeof h.image_bytes);
    return h;
}

std::string new_token() {
    std::array<unsigned char, kTokenSize / 2> random{};
    size_t got = 0;
    while (got < random.size()) {
        const ssize_t n = ::getrandom(random.data() + got, random.size() - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error("no random bytes for the cache token");
        got += static_cast<size_t>(n);
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    for (unsigned char b : random) {
        token += kHex[b >> 4];
        token += kHex[b & 15];
    }
    return token;
}

// The tables Store::load_dataset reads (a new one there needs its triggers here).
constexpr std::array<const char*, 11> kDatasetTables = {
    "school", "term",  "lift_group", "staff",      "lift_meeting", "surgery",
    "pupil",  "event", "booking",    "case_state", "hub_conflict"};
constexpr const char* kOperations[] = {"INSERT", "UPDATE", "DELETE"};

std::string trigger_name(const char* table, const char* operation) {
    return std::string("liftboard_cache_") + table + "_" + operation;
}

// Inside the caller's write transaction. WHEN EXISTS: a row written while no token is
// set costs a lookup in the one-page meta table, not a write.
void create_triggers(SQLite::Database& db) {
    const std::string key = std::string("'") + kDatasetCacheTokenKey + "'";
    for (const char* table : kDatasetTables)
        for (const char* op : kOperations)
            db.exec("CREATE TRIGGER IF NOT EXISTS " + trigger_name(table, op) + " AFTER " + op +
                    " ON main." + table +
                    " FOR EACH ROW WHEN EXISTS (SELECT 1 FROM meta WHERE key = " + key +
                    ") BEGIN DELETE FROM meta WHERE key = " + key + "; END");
}

std::optional<std::string> stored_token(Store& store) {
    return store.meta(kDatasetCacheTokenKey);
}

// Up to `limit` bytes of `file` (all of it when limit is 0); nullopt when there is no
// regular file there. Never through a link: the cache is ours, a link there is not.
std::optional<std::string> read_file(const std::filesystem::path& file, size_t limit = 0) {
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.valid()) {
        if (errno == ENOENT) return std::nullopt;
        throw std::runtime_error(std::string("cannot open: ") + std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        throw std::runtime_error("not a regular file");
    size_t size = static_cast<size_t>(st.st_size);
    if (limit) size = std::min(size, limit);
    std::string bytes(size, '\0');
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd.get(), bytes.data() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;  // shrank while read: the length check refuses it
        done += static_cast<size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

// `bytes` to `file` through `<file>.tmp` (created new, 0600, never through a link) and a
// rename, so a reader sees the old file or the new one whole.
void write_private_file(const std::filesystem::path& file, std::string_view head,
                        std::string_view body) {
    const std::filesystem::path tmp = file.string() + ".tmp";
    constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    FileDescriptor fd(::open(tmp.c_str(), kFlags, 0600));
    if (!fd.valid() && errno == EEXIST && ::unlink(tmp.c_str()) == 0)
        fd = FileDescriptor(::open(tmp.c_str(), kFlags, 0600));
    if (!fd.valid())
        throw std::runtime_error(std::string("cannot create: ") + std::strerror(errno));
    for (std::string_view part : {head, body}) {
        while (!part.empty()) {
            const ssize_t n = ::write(fd.get(), part.data(), part.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                const std::string why = std::strerror(errno);
                ::unlink(tmp.c_str());
                throw std::runtime_error("cannot write: " + why);
            }
            part.remove_prefix(static_cast<size_t>(n));
        }
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot rename into place: " + why);
    }
}

}  // namespace

std::filesystem::path dataset_cache_path(const std::filesystem::path& database) {
    return database.string() + ".snapshot-cache";
}

int64_t data_version(Store& store) {
    return store.database().execAndGet("PRAGMA data_version").getInt64();
}

std::optional<core::Dataset> load_dataset_cache(Store& store, const std::filesystem::path& file) {
    try {
        std::error_code error;
        if (!std::filesystem::exists(std::filesystem::symlink_status(file, error))) return {};
        const std::optional<std::string> token = stored_token(store);
        if (!token) {
            spdlog::info("{}: not used: the store changed since it was written", file.string());
            return {};
        }
        const std::optional<std::string> bytes = read_file(file);
        if (!bytes) return {};
        const std::optional<Header> header = parse_header(*bytes);
        std::string why;
        if (!header)
            why = "not a cache file, or truncated";
        else if (header->version != kFileVersion)
            why = "file version " + std::to_string(header->version);
        else if (header->schema != static_cast<uint32_t>(latest_schema_version()))
            why = "made for schema version " + std::to_string(header->schema);
        else if (header->token != *token)
            why = "the store changed since it was written";
        else if (header->image_bytes != bytes->size() - kHeaderSize)
            why = "truncated";
        if (!why.empty()) {
            spdlog::info("{}: not used: {}", file.string(), why);
            return {};
        }
        auto data = core::dataset_from_image(std::string_view(*bytes).substr(kHeaderSize), why);
        if (!data) spdlog::warn("{}: not used: damaged: {}", file.string(), why);
        return data;
    } catch (const std::exception& e) {
        spdlog::warn("{}: not used: {}", file.string(), e.what());
        return {};
    }
}

bool save_dataset_cache(Store& store, const core::Dataset& data, int64_t data_version_at_read,
                        const std::filesystem::path& file) {
    SQLite::Database& db = store.database();
    try {
        // Still valid (nothing written since it was made): the same bytes again would only
        // cost a write of the whole file.
        const std::optional<std::string> token = stored_token(store);
        if (token && data_version(store) == data_version_at_read) {
            const auto head = read_file(file, kHeaderSize);
            const auto header = head ? parse_header(*head) : std::nullopt;
            if (header && header->token == *token) return true;
        }

        const std::string image = core::dataset_image(data);
        const std::string fresh = new_token();
        std::string head(kMagic, sizeof kMagic);
        const auto schema = static_cast<uint32_t>(latest_schema_version());
        const auto length = static_cast<uint64_t>(image.size());
        head.append(reinterpret_cast<const char*>(&kFileVersion), sizeof kFileVersion);
        head.append(reinterpret_cast<const char*>(&schema), sizeof schema);
        head.append(fresh);
        head.append(reinterpret_cast<const char*>(&length), sizeof length);
        write_private_file(file, head, image);

        // Marked as the store's only when nobody else wrote since `data` was read. The
        // write lock first, so no commit can land between the check and the mark.
        db.exec("BEGIN IMMEDIATE");
        try {
            if (data_version(store) != data_version_at_read) {
                db.exec("ROLLBACK");
                spdlog::info("{}: written but not used: the store changed meanwhile",
                             file.string());
                return false;
            }
            create_triggers(db);
            store.set_meta(kDatasetCacheTokenKey, fresh);
            db.exec("COMMIT");
        } catch (...) {
            if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
            throw;
        }
        return true;
    } catch (const std::exception& e) {
        spdlog::warn("{}: the snapshot cache not written: {}", file.string(), e.what());
        return false;
    }
}

bool drop_unneeded_cache_triggers(Store& store) {
    SQLite::Database& db = store.database();
    db.exec("BEGIN IMMEDIATE");
    try {
        if (stored_token(store)) {
            db.exec("ROLLBACK");
            return true;
        }
        for (const char* table : kDatasetTables)
            for (const char* op : kOperations)
                db.exec("DROP TRIGGER IF EXISTS " + trigger_name(table, op));
        db.exec("COMMIT");
        return false;
    } catch (...) {
        if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
        throw;
    }
}

}  // namespace db
