// Helpers shared by the importer's tests: a store in a temp dir with a small fictional
// directory (schools, staff, terms, meetings, pupils) imported through the importer
// itself, a way to drop a file and import it, and a dump of every table's contents
// for "nothing changed" comparisons. All names are invented.
#pragma once

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <string>
#include <vector>

#include "db/import/importer.hpp"
#include "db/store.hpp"
#include "support/temp_dir.hpp"

namespace test_support {

class ImportFixture {
  public:
    ImportFixture() : store_(dir_ / "store.db") {}

    db::Store& store() { return store_; }
    TempDir& dir() { return dir_; }

    std::filesystem::path write(const std::string& name, const std::string& content) {
        auto file = dir_ / name;
        write_file(file, content);
        return file;
    }
    db::ImportReport import(const std::string& name, const std::string& content) {
        return db::import_file(store_, write(name, content));
    }

    // Two schools in two districts, two staff, the 2024/25 terms, LIFT meetings and a
    // surgery, and three pupils.
    void seed() {
        must(import("schools.csv",
                    "urn,name,district,lift_group,phase\n"
                    "900001,Oakfield Primary,Maidstone,A,primary\n"
                    "900002,Riverside Academy,Swale,B,secondary\n"
                    "900003,Hilltop Infants,Maidstone,B,primary\n"));
        must(import("staff.csv",
                    "staff_id,name,role,district\n"
                    "ST01,Specialist One,specialist_teacher,Maidstone\n"
                    "EP01,Psychologist One,ep,Swale\n"));
        must(import("terms.csv",
                    "academic_year,term,start_date,end_date\n"
                    "2024/25,autumn,2024-09-02,2024-12-20\n"
                    "2024/25,spring,2025-01-06,2025-04-04\n"
                    "2024/25,summer,2025-04-22,2025-07-22\n"));
        must(import("lift_schedule.csv",
                    "district,group,meeting_date,paperwork_deadline,venue\n"
                    "Maidstone,A,2025-03-13,,Hall 1\n"
                    "Maidstone,B,2025-03-13,2025-03-03,Hall 2\n"
                    "Swale,B,2025-03-20,,\n"));
        must(import("surgeries.csv",
                    "district,surgery_date,venue,staff_id\n"
                    "Maidstone,2025-02-05,Room 4,ST01\n"));
        must(import("pupils.csv",
                    "pupil_ref,school_urn,initials,first_name,last_name,year_group,need_area\n"
                    "P00001,900001,AB,Alpha,Beta,3,cl\n"
                    "P00002,900002,CD,,,R,semh\n"
                    "P00003,900003,EF,,,,\n"));
    }

    static void must(const db::ImportReport& report) {
        if (report.outcome != db::ImportOutcome::imported)
            throw std::runtime_error("fixture import failed: " + report.summary() + "\n" +
                                     report.error_text());
    }

    // Every row of every table, ordered, as text: equal dumps mean equal contents.
    std::string dump() {
        std::string out;
        SQLite::Statement tables(
            store_.database(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (tables.executeStep()) out += dump_table(tables.getColumn(0).getString());
        out += "user_version=" + store_.database().execAndGet("PRAGMA user_version").getString() +
               "\n";
        return out;
    }

    std::string dump_table(const std::string& table) {
        SQLite::Database& database = store_.database();
        SQLite::Statement columns(database, "SELECT * FROM \"" + table + "\"");
        std::string order;
        for (int i = 1; i <= columns.getColumnCount(); ++i)
            order += (i > 1 ? ", " : "") + std::to_string(i);
        SQLite::Statement rows(database, "SELECT * FROM \"" + table + "\" ORDER BY " + order);
        std::string out = "== " + table + "\n";
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i)
                out += (rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString()) + "|";
            out += "\n";
        }
        return out;
    }

    int count(const std::string& table) {
        return store_.database().execAndGet("SELECT count(*) FROM " + table).getInt();
    }

  private:
    TempDir dir_;
    db::Store store_;
};

}  // namespace test_support
