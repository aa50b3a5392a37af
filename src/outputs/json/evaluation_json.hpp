#pragma once
// JSON shapes of the hospital's evaluation records shared by the outputs: the export archive
// writes them as they are (and reads them back on import); the API starts from them and shows the
// author without its "user:" prefix (web/api/evaluation_json).
#include <nlohmann/json.hpp>

#include "core/evaluation_records.hpp"

namespace cyberachat {

// {question_id, status, comment, vendor_question, author, author_role, created_at}
nlohmann::json review_record_json(const Review& review);
// {role, verdict, text, author, updated_at}
nlohmann::json opinion_record_json(const Opinion& opinion);

}  // namespace cyberachat
