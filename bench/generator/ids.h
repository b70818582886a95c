// Identifiers shaped like the ones in real exports: uuids, upload ids of the file-service era
// (file-<22 base62>), sediment ids (file_<32 hex>), user ids, request ids.
#pragma once

#include <string>

#include "generator/random.h"

namespace afterglow::bench {

std::string random_uuid(Rng& rng);
// User message ids of 2023-2024 exports start with "aaa" (ids made by the web client).
std::string client_message_uuid(Rng& rng);
std::string random_hex(Rng& rng, int digits);
std::string random_base62(Rng& rng, int length);
// "file-6y9faxjcnXrzx8UTUQepS7": uploads and generated images before 2025.
std::string file_service_id(Rng& rng);
// "file_00000000852061faa8cc471856577130": assets from 2025 on.
std::string sediment_id(Rng& rng);
// "user-RiluP6G7FP0pTCENvYwUhX8L".
std::string user_id(Rng& rng);

}  // namespace afterglow::bench
