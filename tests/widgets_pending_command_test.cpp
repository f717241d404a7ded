// A command's future polled without blocking: nothing until the writer answers, the
// answer exactly once, and a writer that went away reads as "not saved".
#include <catch2/catch.hpp>
#include <future>

#include "widgets/pending_command.hpp"

namespace {

struct Sink final : core::CommandSink {
    std::future<core::CommandResult> submit(core::Command command, std::string who) override {
        received = std::move(command);
        user = std::move(who);
        promise = {};
        return promise.get_future();
    }
    core::Command received;
    std::string user;
    std::promise<core::CommandResult> promise;
};

}  // namespace

TEST_CASE("a pending command has no result until the writer answers, then one, once") {
    Sink sink;
    widgets::PendingCommand pending;
    CHECK_FALSE(pending.waiting());
    CHECK_FALSE(pending.poll());
    pending.submit(sink, core::SetPriority{"P1", 2}, "someone");
    CHECK(sink.user == "someone");
    CHECK(std::get<core::SetPriority>(sink.received).priority == 2);
    CHECK(pending.waiting());
    CHECK_FALSE(pending.poll());
    sink.promise.set_value({true, "set priority of P1 to 2"});
    auto result = pending.poll();
    REQUIRE(result);
    CHECK(result->ok);
    CHECK(result->message == "set priority of P1 to 2");
    CHECK_FALSE(pending.waiting());
    CHECK_FALSE(pending.poll());
}

TEST_CASE("a writer that drops the command reads as not saved, not as waiting forever") {
    Sink sink;
    widgets::PendingCommand pending;
    pending.submit(sink, core::SetPriority{"P1", 1}, "someone");
    sink.promise = {};  // the promise is broken
    auto result = pending.poll();
    REQUIRE(result);
    CHECK_FALSE(result->ok);
    CHECK(result->message.rfind("not saved", 0) == 0);
    CHECK_FALSE(pending.waiting());
}
