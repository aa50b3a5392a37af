#pragma once
// Errors as values: a Result<T> is either a T or an Error, never an exception across layers.
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace cyberachat {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    // By value: `for (auto& x : store.list().value())` then iterates a value that lives for the
    // whole loop, not a reference into the destroyed temporary Result.
    T value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const { return std::get<Error>(data_); }

private:
    std::variant<T, Error> data_;
};

struct Unit {};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}
    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool failed_ = false;
};

// A lookup whose "not_found" is an expected answer: nullopt then; any other error is kept.
template <typename T>
Result<std::optional<T>> absent_if_not_found(Result<T> found) {
    if (found.ok()) return std::optional<T>(std::move(found).value());
    if (found.error().code == ErrorCode::not_found) return std::optional<T>();
    return found.error();
}

}  // namespace cyberachat

// TRY(expr): evaluates a Result; on error returns the error from the enclosing function.
#define CYB_CONCAT_INNER(a, b) a##b
#define CYB_CONCAT(a, b) CYB_CONCAT_INNER(a, b)
#define TRY_ASSIGN(var, expr)                                  \
    auto CYB_CONCAT(try_result_, __LINE__) = (expr);           \
    if (!CYB_CONCAT(try_result_, __LINE__).ok())               \
        return CYB_CONCAT(try_result_, __LINE__).error();      \
    var = std::move(CYB_CONCAT(try_result_, __LINE__)).value()
#define TRY(expr)                                              \
    do {                                                       \
        auto try_result_ = (expr);                             \
        if (!try_result_.ok()) return try_result_.error();     \
    } while (0)
