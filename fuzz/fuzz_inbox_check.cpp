// libFuzzer target: the whole-file check of every inbox kind, exactly as the importer
// runs it (check_bytes: BOM, UTF-8, CSV or JSON, then validation against the store's
// references). The first byte picks the format (bit 0) and the kind (the rest, mod 9);
// the references come from a small store filled once with the tests' fixture files,
// so fuzzed rows can pass or fail reference checks.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "db/import/checked_file.hpp"
#include "db/import/file_bytes.hpp"
#include "db/import/importer.hpp"
#include "db/import/reference_loader.hpp"
#include "support/inbox_files.hpp"

namespace {

constexpr int kKinds = 9;

std::vector<db::inbox::References> load_fixture_references() {
    std::string dir_template =
        (std::filesystem::temp_directory_path() / "liftboard-fuzz-XXXXXX").string();
    if (!::mkdtemp(dir_template.data())) std::abort();
    const std::filesystem::path dir = dir_template;
    const std::pair<const char*, std::string> files[] = {
        {"schools.csv", test_support::schools_csv()},
        {"staff.csv", test_support::staff_csv()},
        {"terms.csv",
         "academic_year,term,start_date,end_date\n2025/26,autumn,2025-09-03,2025-12-19\n"
         "2025/26,spring,2026-01-05,2026-03-27\n"},
        {"lift_groups.csv", "urn,academic_year,term,group\n900001,2025/26,spring,B\n"},
        {"lift_schedule.csv",
         "district,group,meeting_date,paperwork_deadline,venue\n"
         "Maidstone,A,2025-10-08,2025-10-01,Hall\nMaidstone,B,2025-10-09,,\n"},
        {"surgeries.csv",
         "district,surgery_date,venue,staff_id\nMaidstone,2025-11-12,Room 2,ST01\n"},
        {"pupils.csv", test_support::pupils_csv()},
        {"events.csv", test_support::events_csv()},
    };
    std::vector<std::filesystem::path> paths;
    for (const auto& [name, text] : files) {
        paths.push_back(dir / "inbox" / name);
        std::filesystem::create_directories(paths.back().parent_path());
        std::ofstream(paths.back(), std::ios::binary) << text;
    }
    std::vector<db::inbox::References> refs;
    {
        db::Store store(dir / "fixture.db");
        for (const auto& report : db::import_files(store, paths))
            if (report.outcome != db::ImportOutcome::imported) std::abort();  // fixture broken
        for (int kind = 0; kind < kKinds; ++kind)
            refs.push_back(
                db::inbox::load_references(store.database(), static_cast<db::InboxKind>(kind)));
    }
    std::filesystem::remove_all(dir);
    return refs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<db::inbox::References> references = load_fixture_references();
    if (size == 0) return 0;
    const auto format = (data[0] & 1) ? db::InboxFormat::json : db::InboxFormat::csv;
    const auto kind = static_cast<db::InboxKind>((data[0] >> 1) % kKinds);
    std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    db::inbox::CheckedFile checked =
        db::inbox::check_bytes(bytes, db::inbox::sha256_hex(bytes), kind, format, "fuzz",
                               references[static_cast<size_t>(kind)]);
    // Every problem names the file and says what is wrong.
    for (const auto& problem : checked.problems)
        if (problem.file != "fuzz" || problem.reason.empty()) std::abort();
    return 0;
}
