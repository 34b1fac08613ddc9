import GongkaiHTTP

/// The OpenAPI 3.1 description of the whole API, served at `GET /api/v1/openapi.json`.
///
/// This JSON is the one source of truth: edit it here, in the same change as the route or
/// handler it describes. `scripts/checks/openapi.sh` validates it (openapi-spec-validator) and
/// fuzzes the running server against it (schemathesis); `OpenAPIDocumentTests` checks that
/// every route in `Routes.swift` is documented and that the document parses.
enum OpenAPIDocument {
    static let bytes: [UInt8] = Array(json.utf8)
    static let etag = ContentHash.etag(bytes)

    static let json: String = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Gongkai 政府信息公开 API",
    "version": "1",
    "summary": "The 政府信息公开基本目录 and its 发布记录.",
    "description": "Every error is RFC 9457 `application/problem+json`. Every response carries `X-Request-Id` (yours when you send one), except the cached catalogue answers when you send none. Reads carry a strong `ETag` and answer `If-None-Match` with 304; `HEAD` is accepted wherever `GET` is. A method a path does not support gets 405 with `Allow`. Tokens: `Authorization: Bearer <token>` from `gongkai token create`; ten failed authentications from one address within a minute get 429 with `Retry-After`.",
    "license": {
      "name": "Proprietary",
      "identifier": "LicenseRef-Proprietary"
    }
  },
  "servers": [
    {
      "url": "/",
      "description": "This server"
    }
  ],
  "tags": [
    {
      "name": "catalogue"
    },
    {
      "name": "catalogue admin"
    },
    {
      "name": "records"
    },
    {
      "name": "exports"
    },
    {
      "name": "reports"
    },
    {
      "name": "calendar"
    },
    {
      "name": "auth"
    },
    {
      "name": "operations"
    }
  ],
  "paths": {
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "Liveness: `ok` while the server runs",
        "tags": [
          "operations"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "`ok` and a newline.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string",
                  "const": "ok\n"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics (text exposition format 0.0.4)",
        "tags": [
          "operations"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "Requests by route and status, latency histogram, records by state, storage write/fsync latency, errors.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This OpenAPI 3.1 document",
        "tags": [
          "operations"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "The document.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/catalogue": {
      "get": {
        "operationId": "getCatalogue",
        "summary": "The catalogue (政府信息公开基本目录)",
        "tags": [
          "catalogue"
        ],
        "security": [],
        "parameters": [
          {
            "name": "category",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "一级事项, exactly."
          },
          {
            "name": "subcategory",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "二级事项, exactly."
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring of 公开主体."
          },
          {
            "name": "channel",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "A ticked channel name, e.g. 政府网站."
          },
          {
            "name": "method",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "主动 or 依申请."
          },
          {
            "name": "audience",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "全社会 or 特定群体."
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring over every text field of the item."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The catalogue; the ETag changes with its version. Without filters it is precomputed and gzip-encoded on request.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id-Echoed"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CatalogueDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/CatalogueNotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/catalogue.csv": {
      "get": {
        "operationId": "getCatalogueCsv",
        "summary": "The catalogue as CSV for Excel and WPS",
        "tags": [
          "exports"
        ],
        "description": "Same filters as `GET /api/v1/catalogue`.",
        "security": [],
        "parameters": [
          {
            "name": "category",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "一级事项, exactly."
          },
          {
            "name": "subcategory",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "二级事项, exactly."
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring of 公开主体."
          },
          {
            "name": "channel",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "A ticked channel name, e.g. 政府网站."
          },
          {
            "name": "method",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "主动 or 依申请."
          },
          {
            "name": "audience",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "全社会 or 特定群体."
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring over every text field of the item."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "UTF-8 with BOM, CRLF line ends; header row 序号, 一级事项, 二级事项, 公开内容（要素）, 公开依据, 公开主体, 公开时限, 公开渠道和载体, 公开对象, 公开方式.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/catalogue/items": {
      "post": {
        "operationId": "createItem",
        "summary": "Add a catalogue item (admin)",
        "tags": [
          "catalogue admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ItemInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created; the catalogue version went up.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ItemView"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/catalogue/items/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ItemId"
        }
      ],
      "get": {
        "operationId": "getItem",
        "summary": "One catalogue item with its record count",
        "tags": [
          "catalogue"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The item.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ItemView"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      },
      "put": {
        "operationId": "replaceItem",
        "summary": "Replace a catalogue item (admin)",
        "tags": [
          "catalogue admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ItemInput"
              }
            }
          },
          "description": "The item exactly as GET returns it (record_count ignored)."
        },
        "responses": {
          "200": {
            "description": "The item as stored.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ItemView"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      },
      "delete": {
        "operationId": "deleteItem",
        "summary": "Delete a catalogue item (admin)",
        "tags": [
          "catalogue admin"
        ],
        "description": "Refused with 409 (listing them in `ids`) while records point at the item.",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/catalogue/import": {
      "post": {
        "operationId": "importCatalogue",
        "summary": "Import a catalogue text (admin)",
        "tags": [
          "catalogue admin"
        ],
        "description": "Replaces the catalogue, keeping ids; refuses (409, listing them) to drop items that records point at.",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "dry_run",
            "in": "query",
            "required": false,
            "schema": {
              "type": "boolean"
            },
            "description": "Only parse and report; change nothing."
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The published 基本目录 table as text (tab-separated, Markdown/HTML table or one cell per line; UTF-8, BOM allowed).",
          "content": {
            "text/plain": {
              "schema": {
                "type": "string",
                "minLength": 1
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "`dry_run=true`: the parsed catalogue and warnings. Otherwise: the new version, item count and warnings.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/ParsedCatalogue"
                    },
                    {
                      "$ref": "#/components/schemas/ImportResult"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/categories": {
      "get": {
        "operationId": "getCategories",
        "summary": "一级事项 → 二级事项 → item ids, with record counts",
        "tags": [
          "catalogue"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The tree.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CategoryTree"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/records": {
      "get": {
        "operationId": "listRecords",
        "summary": "Publication records (发布记录), newest first",
        "tags": [
          "records"
        ],
        "description": "Anonymous callers see published records; a token also sees its office's pending ones (an admin: all).",
        "security": [
          {},
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "item",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Item ids, comma-separated or repeated."
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "The record's office (科室), exactly."
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "schema": {
              "anyOf": [
                {
                  "type": "string",
                  "format": "date",
                  "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                },
                {
                  "type": "string",
                  "pattern": "^\\s*$"
                }
              ],
              "examples": [
                "2026-03-02"
              ]
            },
            "description": "Earliest published_on (inclusive)."
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "schema": {
              "anyOf": [
                {
                  "type": "string",
                  "format": "date",
                  "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                },
                {
                  "type": "string",
                  "pattern": "^\\s*$"
                }
              ],
              "examples": [
                "2026-03-02"
              ]
            },
            "description": "Latest published_on (inclusive)."
          },
          {
            "name": "year",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1900,
              "maximum": 9999
            },
            "description": "Published in this year (combined with from/to)."
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring of 标题, 文号, 索引号, 摘要 or 正文 (first 100 characters used)."
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200
            },
            "description": "Page size (default 20)."
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^-?[0-9]{1,7}~[^\u0000]{1,64}$"
            },
            "description": "The `next` value of the previous page."
          },
          {
            "name": "include",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "withdrawn"
              ]
            },
            "description": "`withdrawn` to include withdrawn records."
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "pending"
              ]
            },
            "description": "`pending`: only records registered but not yet published (needs a token)."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "One page; `total` counts every match.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      },
      "post": {
        "operationId": "createRecord",
        "summary": "Post a record (office or admin token)",
        "tags": [
          "records"
        ],
        "description": "The server sets id, 索引号, office (the token's; an admin must name one), created_at, updated_at and version. An office may post only under items whose 公开主体 names it or names no configured office.",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Stored durably (fsync'd).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Record"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/records.csv": {
      "get": {
        "operationId": "getRecordsCsv",
        "summary": "Records as CSV for Excel and WPS",
        "tags": [
          "exports"
        ],
        "description": "Same filters and visibility as `GET /api/v1/records`, every match in one file.",
        "security": [
          {},
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "item",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Item ids, comma-separated or repeated."
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "The record's office (科室), exactly."
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "schema": {
              "anyOf": [
                {
                  "type": "string",
                  "format": "date",
                  "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                },
                {
                  "type": "string",
                  "pattern": "^\\s*$"
                }
              ],
              "examples": [
                "2026-03-02"
              ]
            },
            "description": "Earliest published_on (inclusive)."
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "schema": {
              "anyOf": [
                {
                  "type": "string",
                  "format": "date",
                  "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                },
                {
                  "type": "string",
                  "pattern": "^\\s*$"
                }
              ],
              "examples": [
                "2026-03-02"
              ]
            },
            "description": "Latest published_on (inclusive)."
          },
          {
            "name": "year",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1900,
              "maximum": 9999
            },
            "description": "Published in this year (combined with from/to)."
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring of 标题, 文号, 索引号, 摘要 or 正文 (first 100 characters used)."
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000
            },
            "description": "At most this many rows (default: every match)."
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^-?[0-9]{1,7}~[^\u0000]{1,64}$"
            },
            "description": "The `next` value of the previous page."
          },
          {
            "name": "include",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "withdrawn"
              ]
            },
            "description": "`withdrawn` to include withdrawn records."
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "pending"
              ]
            },
            "description": "`pending`: only records registered but not yet published (needs a token)."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "UTF-8 with BOM, CRLF line ends; header row 索引号, 标题, 文号, 成文日期, 发布日期, 公开主体, 事项编号, 事项, 公开渠道, 文件类型, 状态, 应公开日期, 时限情况, 链接, 摘要, 更新时间.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/api/v1/records.atom": {
      "get": {
        "operationId": "getRecordsAtom",
        "summary": "Records as an Atom feed (RFC 4287)",
        "tags": [
          "exports"
        ],
        "description": "All records, per item (`item=35`) or per office (`office=中小企业科`); same filters as `GET /api/v1/records`.",
        "security": [
          {},
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "item",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Item ids, comma-separated or repeated."
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "The record's office (科室), exactly."
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "schema": {
              "anyOf": [
                {
                  "type": "string",
                  "format": "date",
                  "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                },
                {
                  "type": "string",
                  "pattern": "^\\s*$"
                }
              ],
              "examples": [
                "2026-03-02"
              ]
            },
            "description": "Earliest published_on (inclusive)."
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "schema": {
              "anyOf": [
                {
                  "type": "string",
                  "format": "date",
                  "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                },
                {
                  "type": "string",
                  "pattern": "^\\s*$"
                }
              ],
              "examples": [
                "2026-03-02"
              ]
            },
            "description": "Latest published_on (inclusive)."
          },
          {
            "name": "year",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1900,
              "maximum": 9999
            },
            "description": "Published in this year (combined with from/to)."
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Substring of 标题, 文号, 索引号, 摘要 or 正文 (first 100 characters used)."
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200
            },
            "description": "Entries (default 50)."
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^-?[0-9]{1,7}~[^\u0000]{1,64}$"
            },
            "description": "The `next` value of the previous page."
          },
          {
            "name": "include",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "withdrawn"
              ]
            },
            "description": "`withdrawn` to include withdrawn records."
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "pending"
              ]
            },
            "description": "`pending`: only records registered but not yet published (needs a token)."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "An Atom feed; entry ids are permanent `urn:gongkai:<agency code>:record:<id>`.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/atom+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/api/v1/records/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/RecordId"
        }
      ],
      "get": {
        "operationId": "getRecord",
        "summary": "One record",
        "tags": [
          "records"
        ],
        "security": [
          {},
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The record; its ETag is the If-Match for changes.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Record"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      },
      "patch": {
        "operationId": "patchRecord",
        "summary": "Change a record (its office or admin) with If-Match",
        "tags": [
          "records"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfMatchForChange"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed record.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Record"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "428": {
            "$ref": "#/components/responses/PreconditionRequired"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/records/{id}/withdraw": {
      "parameters": [
        {
          "$ref": "#/components/parameters/RecordId"
        }
      ],
      "post": {
        "operationId": "withdrawRecord",
        "summary": "Withdraw a record (kept, marked, hidden from lists)",
        "tags": [
          "records"
        ],
        "description": "If-Match is optional here and honoured when sent. A second withdrawal is 409.",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Withdraw"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The withdrawn record.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Record"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "operationId": "getMe",
        "summary": "Who the token belongs to and which items it may post under",
        "tags": [
          "auth"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The token's name, role, office and items.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Me"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/api/v1/audit": {
      "get": {
        "operationId": "getAudit",
        "summary": "The audit log, newest first (admin)",
        "tags": [
          "operations"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 10000
            },
            "description": "Entries (default 100)."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "Every write: who, when, what, versions before and after.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditPage"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/api/v1/compliance": {
      "get": {
        "operationId": "getCompliance",
        "summary": "公开时限 compliance per office and item (any token)",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/YearQuery"
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Only this office."
          },
          {
            "name": "item",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[^\u0000]*$"
            },
            "description": "Only this item id."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "Counts, the on-time rate, the overdue and late lists.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ComplianceReport"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/api/v1/coverage": {
      "get": {
        "operationId": "getCoverage",
        "summary": "Catalogue items with no record published in a year",
        "tags": [
          "reports"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/YearQuery"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "Covered and uncovered items.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CoverageReport"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/stats": {
      "get": {
        "operationId": "getStats",
        "summary": "Published records per 一级事项, item, office and month",
        "tags": [
          "reports"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/YearQuery"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The counts.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PublicationStats"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/reports/annual/{year}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Year"
        }
      ],
      "get": {
        "operationId": "getAnnualReport",
        "summary": "Annual report, section 二",
        "tags": [
          "reports"
        ],
        "security": [],
        "parameters": [
          {
            "name": "format",
            "in": "query",
            "required": false,
            "schema": {
              "enum": [
                "json",
                "csv"
              ]
            },
            "description": "json (default) or csv."
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The table as JSON, or with `format=csv` as CSV (UTF-8 with BOM).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AnnualReportSection2"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      }
    },
    "/api/v1/reports/annual/{year}/fees": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Year"
        }
      ],
      "put": {
        "operationId": "putFees",
        "summary": "Enter the year's 行政事业性收费 (admin)",
        "tags": [
          "reports"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Fees"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The section with the amount.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AnnualReportSection2"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    },
    "/api/v1/calendar/{year}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Year"
        }
      ],
      "get": {
        "operationId": "getCalendar",
        "summary": "The working-day calendar of a year",
        "tags": [
          "calendar"
        ],
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "Holidays, make-up working days and the count of working days.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CalendarYear"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          }
        }
      },
      "put": {
        "operationId": "putCalendar",
        "summary": "Add or correct a year's calendar (admin)",
        "tags": [
          "calendar"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CalendarInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The year as now used; open deadlines move at once.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CalendarYear"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "507": {
            "$ref": "#/components/responses/InsufficientStorage"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details. `detail` is a sentence for a person, in Chinese and English.",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "`/problems/<slug>`, e.g. `/problems/invalid-fields`."
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "detail": {
            "type": "string"
          },
          "errors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FieldError"
            },
            "description": "One entry per invalid field (400 unknown-fields, 422)."
          },
          "ids": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The records or items a 409 is about."
          },
          "request_id": {
            "type": "string",
            "description": "The X-Request-Id of the request, for the administrator."
          }
        },
        "additionalProperties": false
      },
      "FieldError": {
        "type": "object",
        "properties": {
          "pointer": {
            "type": "string",
            "description": "JSON Pointer (RFC 6901) into the body."
          },
          "field": {
            "type": "string"
          },
          "detail": {
            "type": "string"
          }
        },
        "required": [
          "pointer",
          "field",
          "detail"
        ],
        "additionalProperties": false
      },
      "Channel": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "examples": [
              "政府网站"
            ]
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "name",
          "note"
        ],
        "additionalProperties": false,
        "description": "A ticked 公开渠道和载体, with the note printed after it (政务新媒体（根据具体情况选择）)."
      },
      "DeadlineRule": {
        "type": "object",
        "description": "公开时限 as a computable rule.",
        "required": [
          "kind"
        ],
        "properties": {
          "kind": {
            "enum": [
              "working_days",
              "calendar_days",
              "months",
              "annual",
              "none"
            ]
          },
          "days": {
            "type": "integer",
            "minimum": 1,
            "maximum": 3660
          },
          "months": {
            "type": "integer",
            "minimum": 1,
            "maximum": 3660
          },
          "from": {
            "enum": [
              "formed_on",
              "related_published_on",
              "event_on"
            ]
          },
          "month": {
            "type": "integer",
            "minimum": 1,
            "maximum": 12
          },
          "day": {
            "type": "integer",
            "minimum": 1,
            "maximum": 31
          }
        }
      },
      "CatalogueItem": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "description": "`N` for a row alone, `N-k` for the k-th row under 序号 N.",
            "examples": [
              "35"
            ]
          },
          "seq": {
            "type": "integer",
            "description": "序号"
          },
          "part": {
            "type": [
              "integer",
              "null"
            ]
          },
          "category": {
            "type": "string",
            "description": "一级事项"
          },
          "subcategory": {
            "type": "string",
            "description": "二级事项"
          },
          "content": {
            "type": "string",
            "description": "公开内容（要素）"
          },
          "basis": {
            "type": "string",
            "description": "公开依据"
          },
          "office": {
            "type": "string",
            "description": "公开主体"
          },
          "deadline": {
            "type": "string",
            "description": "公开时限, as the catalogue states it"
          },
          "channels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Channel"
            }
          },
          "audience": {
            "type": "array",
            "items": {
              "enum": [
                "全社会",
                "特定群体"
              ]
            }
          },
          "method": {
            "type": "array",
            "items": {
              "enum": [
                "主动",
                "依申请"
              ]
            }
          },
          "level": {
            "type": [
              "string",
              "null"
            ],
            "description": "公开层级"
          },
          "extra": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Other columns by header text (备注 …)."
          },
          "deadline_rule": {
            "$ref": "#/components/schemas/DeadlineRule"
          }
        },
        "required": [
          "id",
          "seq",
          "part",
          "category",
          "subcategory",
          "content",
          "basis",
          "office",
          "deadline",
          "channels",
          "audience",
          "method",
          "level",
          "extra"
        ],
        "additionalProperties": false,
        "description": "One row of the 政府信息公开基本目录."
      },
      "ItemView": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "description": "`N` for a row alone, `N-k` for the k-th row under 序号 N.",
            "examples": [
              "35"
            ]
          },
          "seq": {
            "type": "integer",
            "description": "序号"
          },
          "part": {
            "type": [
              "integer",
              "null"
            ]
          },
          "category": {
            "type": "string",
            "description": "一级事项"
          },
          "subcategory": {
            "type": "string",
            "description": "二级事项"
          },
          "content": {
            "type": "string",
            "description": "公开内容（要素）"
          },
          "basis": {
            "type": "string",
            "description": "公开依据"
          },
          "office": {
            "type": "string",
            "description": "公开主体"
          },
          "deadline": {
            "type": "string",
            "description": "公开时限, as the catalogue states it"
          },
          "channels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Channel"
            }
          },
          "audience": {
            "type": "array",
            "items": {
              "enum": [
                "全社会",
                "特定群体"
              ]
            }
          },
          "method": {
            "type": "array",
            "items": {
              "enum": [
                "主动",
                "依申请"
              ]
            }
          },
          "level": {
            "type": [
              "string",
              "null"
            ],
            "description": "公开层级"
          },
          "extra": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Other columns by header text (备注 …)."
          },
          "deadline_rule": {
            "$ref": "#/components/schemas/DeadlineRule"
          },
          "record_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Published, not withdrawn records under the item."
          }
        },
        "required": [
          "id",
          "seq",
          "part",
          "category",
          "subcategory",
          "content",
          "basis",
          "office",
          "deadline",
          "channels",
          "audience",
          "method",
          "level",
          "extra",
          "record_count"
        ],
        "additionalProperties": false
      },
      "ItemInput": {
        "type": "object",
        "description": "An item as GET returns it. `id` may be left out on POST (the next 序号 is used); read-only `record_count` is ignored.",
        "required": [
          "category",
          "office"
        ],
        "properties": {
          "id": {
            "type": "string",
            "maxLength": 32,
            "pattern": "^[A-Za-z0-9-]*$"
          },
          "seq": {
            "type": "integer",
            "minimum": 0,
            "maximum": 999999
          },
          "part": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "maximum": 999999
          },
          "category": {
            "type": "string",
            "minLength": 1,
            "maxLength": 5000
          },
          "subcategory": {
            "type": "string",
            "maxLength": 5000
          },
          "content": {
            "type": "string",
            "maxLength": 5000
          },
          "basis": {
            "type": "string",
            "maxLength": 5000
          },
          "office": {
            "type": "string",
            "minLength": 1,
            "maxLength": 5000
          },
          "deadline": {
            "type": "string",
            "maxLength": 5000
          },
          "channels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Channel"
            }
          },
          "audience": {
            "type": "array",
            "items": {
              "enum": [
                "全社会",
                "特定群体"
              ]
            }
          },
          "method": {
            "type": "array",
            "items": {
              "enum": [
                "主动",
                "依申请"
              ]
            }
          },
          "level": {
            "type": [
              "string",
              "null"
            ]
          },
          "extra": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "deadline_rule": {
            "$ref": "#/components/schemas/DeadlineRule"
          },
          "record_count": {
            "type": "integer",
            "readOnly": true
          }
        },
        "additionalProperties": false,
        "examples": [
          {
            "category": "业务工作",
            "subcategory": "数据安全",
            "content": "数据安全工作通知",
            "basis": "《中华人民共和国数据安全法》",
            "office": "工业经济科",
            "deadline": "该政府信息形成或变更之日起20个工作日内公开",
            "channels": [
              {
                "name": "政府网站",
                "note": null
              }
            ],
            "audience": [
              "全社会"
            ],
            "method": [
              "主动"
            ]
          }
        ]
      },
      "CatalogueDocument": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string"
          },
          "agency": {
            "type": "string"
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "updated_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in China time (+08:00)."
          },
          "channels": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Every channel the catalogue's template offers, in order."
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CatalogueItem"
            }
          }
        },
        "required": [
          "title",
          "agency",
          "version",
          "updated_at",
          "channels",
          "items"
        ],
        "additionalProperties": false
      },
      "ImportWarning": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "item_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "line": {
            "type": "integer"
          },
          "message": {
            "type": "string"
          }
        },
        "required": [
          "code",
          "item_id",
          "line",
          "message"
        ],
        "additionalProperties": false
      },
      "ParsedCatalogue": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string"
          },
          "agency": {
            "type": "string"
          },
          "channels": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CatalogueItem"
            }
          },
          "warnings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ImportWarning"
            }
          }
        },
        "required": [
          "title",
          "agency",
          "channels",
          "items",
          "warnings"
        ],
        "additionalProperties": false,
        "description": "`dry_run=true`: what the importer read, nothing changed."
      },
      "ImportResult": {
        "type": "object",
        "properties": {
          "version": {
            "type": "integer"
          },
          "items": {
            "type": "integer",
            "description": "How many items the new catalogue has."
          },
          "warnings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ImportWarning"
            }
          }
        },
        "required": [
          "version",
          "items",
          "warnings"
        ],
        "additionalProperties": false
      },
      "CategoryTree": {
        "type": "object",
        "properties": {
          "categories": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string",
                  "description": "一级事项"
                },
                "item_count": {
                  "type": "integer"
                },
                "record_count": {
                  "type": "integer"
                },
                "subcategories": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "name": {
                        "type": "string",
                        "description": "二级事项"
                      },
                      "item_ids": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        }
                      },
                      "record_count": {
                        "type": "integer"
                      }
                    },
                    "required": [
                      "name",
                      "item_ids",
                      "record_count"
                    ],
                    "additionalProperties": false
                  }
                }
              },
              "required": [
                "name",
                "item_count",
                "record_count",
                "subcategories"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "categories"
        ],
        "additionalProperties": false
      },
      "Withdrawal": {
        "type": "object",
        "properties": {
          "reason": {
            "type": "string"
          },
          "at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in China time (+08:00)."
          },
          "by": {
            "type": "string",
            "description": "The token name that withdrew it."
          }
        },
        "required": [
          "reason",
          "at",
          "by"
        ],
        "additionalProperties": false
      },
      "Record": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "examples": [
              "2026-00001"
            ]
          },
          "index_number": {
            "type": "string",
            "description": "索引号 `<agency code>/<year>-<5-digit serial>`",
            "examples": [
              "11530181MB1234567X/2026-00001"
            ]
          },
          "item_id": {
            "type": "string"
          },
          "office": {
            "type": "string",
            "description": "公开主体 (科室)"
          },
          "title": {
            "type": "string",
            "description": "标题"
          },
          "document_number": {
            "type": [
              "string",
              "null"
            ],
            "description": "文号"
          },
          "summary": {
            "type": [
              "string",
              "null"
            ]
          },
          "body": {
            "type": [
              "string",
              "null"
            ]
          },
          "url": {
            "type": [
              "string",
              "null"
            ]
          },
          "formed_on": {
            "type": "string",
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ],
            "description": "成文日期 / 形成日期"
          },
          "published_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ],
            "description": "发布日期; null while pending"
          },
          "channels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Channel"
            }
          },
          "document_type": {
            "anyOf": [
              {
                "enum": [
                  "规章",
                  "行政规范性文件",
                  "其他"
                ]
              },
              {
                "type": "null"
              }
            ]
          },
          "repealed_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "related_record_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "event_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "withdrawn": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Withdrawal"
              },
              {
                "type": "null"
              }
            ]
          },
          "created_by": {
            "type": "string"
          },
          "created_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in China time (+08:00)."
          },
          "updated_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in China time (+08:00)."
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "state": {
            "enum": [
              "published",
              "pending",
              "withdrawn"
            ]
          },
          "due_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ],
            "description": "The 公开时限 due date, computed on every read from the current calendar."
          },
          "compliance": {
            "enum": [
              "on_time",
              "late",
              "pending",
              "overdue",
              "no_deadline"
            ]
          },
          "late_by_working_days": {
            "type": [
              "integer",
              "null"
            ]
          },
          "calendar_missing": {
            "type": "boolean",
            "description": "The deadline crossed a year without holiday data."
          }
        },
        "required": [
          "id",
          "index_number",
          "item_id",
          "office",
          "title",
          "document_number",
          "summary",
          "body",
          "url",
          "formed_on",
          "published_on",
          "channels",
          "document_type",
          "repealed_on",
          "related_record_id",
          "event_on",
          "withdrawn",
          "created_by",
          "created_at",
          "updated_at",
          "version",
          "state",
          "due_on",
          "compliance",
          "late_by_working_days",
          "calendar_missing"
        ],
        "additionalProperties": false,
        "description": "A 发布记录 as the API shows it: stored fields plus its state and deadline."
      },
      "RecordList": {
        "type": "object",
        "properties": {
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Record"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "next": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; null on the last."
          }
        },
        "required": [
          "records",
          "total",
          "next"
        ],
        "additionalProperties": false
      },
      "RecordFields": {
        "type": "object",
        "description": "The fields an office writes in a record; `RecordCreate` and `RecordPatch` both take them.",
        "properties": {
          "item_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32,
            "pattern": "^\\s*[^\\s\u0000-\u001f\u007f-\u009f\u2028\u2029][^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$",
            "examples": [
              "35"
            ]
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "pattern": "^\\s*[^\\s\u0000-\u001f\u007f-\u009f\u2028\u2029][^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$",
            "examples": [
              "关于减轻企业负担的通知"
            ]
          },
          "formed_on": {
            "type": "string",
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "published_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ],
            "description": "Absent: today. null: pending (registered, not yet published)."
          },
          "document_number": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 100,
            "pattern": "^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$"
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000
          },
          "body": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 200000
          },
          "url": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "pattern": "^(https?://[^ \u0000-\u001f\u007f-\u009f\u2028\u2029]*)?$"
          },
          "channels": {
            "type": "array",
            "maxItems": 30,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 50,
              "pattern": "^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$"
            },
            "description": "Channel names; absent: the item's channels."
          },
          "document_type": {
            "anyOf": [
              {
                "enum": [
                  "规章",
                  "行政规范性文件",
                  "其他"
                ]
              },
              {
                "type": "null"
              }
            ]
          },
          "repealed_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "related_record_id": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 32,
            "pattern": "^\\s*[^\\s\u0000-\u001f\u007f-\u009f\u2028\u2029][^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$"
          },
          "event_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "office": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 50,
            "pattern": "^\\s*[^\\s\u0000-\u001f\u007f-\u009f\u2028\u2029][^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$",
            "description": "An admin must name the office; an office token may only name its own."
          }
        },
        "additionalProperties": false
      },
      "RecordCreate": {
        "allOf": [
          {
            "$ref": "#/components/schemas/RecordFields"
          }
        ],
        "required": [
          "item_id",
          "title",
          "formed_on"
        ],
        "examples": [
          {
            "item_id": "35",
            "title": "关于减轻企业负担的通知",
            "formed_on": "2026-03-02",
            "document_number": "安工信〔2026〕1号"
          }
        ]
      },
      "RecordPatch": {
        "allOf": [
          {
            "$ref": "#/components/schemas/RecordFields"
          }
        ],
        "description": "Fields left out stay as they are; null clears an optional field.",
        "examples": [
          {
            "summary": "更正后的摘要"
          }
        ]
      },
      "Withdraw": {
        "type": "object",
        "properties": {
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500
          }
        },
        "required": [
          "reason"
        ],
        "additionalProperties": false,
        "examples": [
          {
            "reason": "内容有误，已重新发布"
          }
        ]
      },
      "Me": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "role": {
            "enum": [
              "admin",
              "office"
            ]
          },
          "office": {
            "type": [
              "string",
              "null"
            ]
          },
          "item_ids": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Items this token may post under."
          }
        },
        "required": [
          "name",
          "role",
          "office",
          "item_ids"
        ],
        "additionalProperties": false
      },
      "AuditEntry": {
        "type": "object",
        "properties": {
          "at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in China time (+08:00)."
          },
          "token": {
            "type": "string",
            "description": "The token's name, never its secret."
          },
          "role": {
            "type": "string"
          },
          "action": {
            "type": "string",
            "examples": [
              "record.create"
            ]
          },
          "target": {
            "type": "string"
          },
          "before_version": {
            "type": [
              "integer",
              "null"
            ]
          },
          "after_version": {
            "type": [
              "integer",
              "null"
            ]
          },
          "detail": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "at",
          "token",
          "role",
          "action",
          "target",
          "before_version",
          "after_version",
          "detail"
        ],
        "additionalProperties": false
      },
      "AuditPage": {
        "type": "object",
        "properties": {
          "entries": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuditEntry"
            }
          }
        },
        "required": [
          "entries"
        ],
        "additionalProperties": false
      },
      "ComplianceCounts": {
        "type": "object",
        "properties": {
          "on_time": {
            "type": "integer"
          },
          "late": {
            "type": "integer"
          },
          "pending": {
            "type": "integer"
          },
          "overdue": {
            "type": "integer"
          },
          "no_deadline": {
            "type": "integer"
          },
          "total": {
            "type": "integer"
          },
          "on_time_rate": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1
          }
        },
        "required": [
          "on_time",
          "late",
          "pending",
          "overdue",
          "no_deadline",
          "total",
          "on_time_rate"
        ],
        "additionalProperties": false
      },
      "ComplianceEntry": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "index_number": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "office": {
            "type": "string"
          },
          "item_id": {
            "type": "string"
          },
          "due_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "published_on": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "late_by_working_days": {
            "type": [
              "integer",
              "null"
            ]
          }
        },
        "required": [
          "id",
          "index_number",
          "title",
          "office",
          "item_id",
          "due_on",
          "published_on",
          "late_by_working_days"
        ],
        "additionalProperties": false
      },
      "ComplianceReport": {
        "type": "object",
        "properties": {
          "year": {
            "type": "integer"
          },
          "total": {
            "$ref": "#/components/schemas/ComplianceCounts"
          },
          "by_office": {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/components/schemas/ComplianceCounts"
            }
          },
          "by_item": {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/components/schemas/ComplianceCounts"
            }
          },
          "overdue": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ComplianceEntry"
            }
          },
          "late": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ComplianceEntry"
            }
          }
        },
        "required": [
          "year",
          "total",
          "by_office",
          "by_item",
          "overdue",
          "late"
        ],
        "additionalProperties": false
      },
      "CoverageReport": {
        "type": "object",
        "properties": {
          "year": {
            "type": "integer"
          },
          "item_count": {
            "type": "integer"
          },
          "covered_count": {
            "type": "integer"
          },
          "uncovered": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "category": {
                  "type": "string"
                },
                "subcategory": {
                  "type": "string"
                },
                "office": {
                  "type": "string"
                },
                "method": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              },
              "required": [
                "id",
                "category",
                "subcategory",
                "office",
                "method"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "year",
          "item_count",
          "covered_count",
          "uncovered"
        ],
        "additionalProperties": false
      },
      "PublicationStats": {
        "type": "object",
        "properties": {
          "year": {
            "type": "integer"
          },
          "total": {
            "type": "integer"
          },
          "by_category": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "by_item": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "by_office": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "by_month": {
            "type": "array",
            "items": {
              "type": "integer"
            },
            "minItems": 12,
            "maxItems": 12
          }
        },
        "required": [
          "year",
          "total",
          "by_category",
          "by_item",
          "by_office",
          "by_month"
        ],
        "additionalProperties": false
      },
      "AnnualReportSection2": {
        "type": "object",
        "properties": {
          "year": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "blocks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "title": {
                  "type": "string"
                },
                "columns": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "rows": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "label": {
                        "type": "string"
                      },
                      "values": {
                        "type": "object",
                        "additionalProperties": {
                          "type": [
                            "number",
                            "null"
                          ]
                        }
                      }
                    },
                    "required": [
                      "label",
                      "values"
                    ],
                    "additionalProperties": false
                  }
                }
              },
              "required": [
                "title",
                "columns",
                "rows"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "year",
          "title",
          "blocks"
        ],
        "additionalProperties": false,
        "description": "Section 二 (主动公开政府信息情况) of the annual report (国办公开办函〔2021〕30号)."
      },
      "Holiday": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "examples": [
              "春节"
            ]
          },
          "from": {
            "type": "string",
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          },
          "to": {
            "type": "string",
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "examples": [
              "2026-03-02"
            ]
          }
        },
        "required": [
          "name",
          "from",
          "to"
        ]
      },
      "CalendarYear": {
        "type": "object",
        "properties": {
          "year": {
            "type": "integer"
          },
          "calendar_missing": {
            "type": "boolean",
            "description": "No holiday data for the year: Monday–Friday are counted."
          },
          "holidays": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Holiday"
            }
          },
          "workdays": {
            "type": "array",
            "items": {
              "type": "string",
              "format": "date",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
              "examples": [
                "2026-03-02"
              ]
            }
          },
          "source": {
            "type": [
              "string",
              "null"
            ]
          },
          "working_days_in_year": {
            "type": "integer"
          }
        },
        "required": [
          "year",
          "calendar_missing",
          "holidays",
          "workdays",
          "source",
          "working_days_in_year"
        ],
        "additionalProperties": false
      },
      "CalendarInput": {
        "type": "object",
        "required": [
          "holidays",
          "workdays"
        ],
        "description": "One year of the 国务院办公厅 holiday notice. `year`, `working_days_in_year` and `days` are read-only (ignored), so a GET body can be PUT back.",
        "properties": {
          "holidays": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Holiday"
            }
          },
          "workdays": {
            "type": "array",
            "items": {
              "type": "string",
              "format": "date",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
              "examples": [
                "2026-03-02"
              ]
            }
          },
          "source": {
            "type": [
              "string",
              "null"
            ]
          },
          "year": {
            "type": "integer",
            "readOnly": true
          },
          "working_days_in_year": {
            "type": "integer",
            "readOnly": true
          },
          "days": {
            "readOnly": true
          }
        },
        "additionalProperties": false,
        "examples": [
          {
            "holidays": [
              {
                "name": "元旦",
                "from": "2027-01-01",
                "to": "2027-01-03"
              }
            ],
            "workdays": [],
            "source": "国办发明电〔2026〕…号"
          }
        ]
      },
      "Fees": {
        "type": "object",
        "properties": {
          "amount": {
            "type": "number",
            "minimum": 0,
            "exclusiveMaximum": 1000000000.0,
            "description": "行政事业性收费, 万元"
          }
        },
        "required": [
          "amount"
        ],
        "additionalProperties": false,
        "examples": [
          {
            "amount": 12.5
          }
        ]
      }
    },
    "responses": {
      "NotModified": {
        "description": "Not Modified: If-None-Match matched the current ETag.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "ETag": {
            "$ref": "#/components/headers/ETag"
          }
        }
      },
      "CatalogueNotModified": {
        "description": "Not Modified: If-None-Match matched the current catalogue's ETag (an answer built once per catalogue version).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id-Echoed"
          },
          "ETag": {
            "$ref": "#/components/headers/ETag"
          }
        }
      },
      "BadRequest": {
        "description": "Bad Request: malformed JSON, unknown fields or query parameters, a bad value in the query or path, an invalid request target.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Unauthorized: no token, a malformed Authorization header, or an unknown or revoked token.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWW-Authenticate"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Forbidden": {
        "description": "Forbidden: the token's role or office may not do this.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "Not Found.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "Method Not Allowed: the path exists; Allow lists its methods.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "Conflict: the change contradicts the stored state (`ids` lists what is in the way).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PreconditionFailed": {
        "description": "Precondition Failed: If-Match does not match; ETag is the current one.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "ETag": {
            "$ref": "#/components/headers/ETag"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ContentTooLarge": {
        "description": "Content Too Large: the body exceeds `limits.max_body_bytes`.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "URITooLong": {
        "description": "URI Too Long: the request target exceeds 8192 bytes.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "Unsupported Media Type: the body must be sent with the Content-Type shown in `detail`.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnprocessableContent": {
        "description": "Unprocessable Content: fields are well-formed JSON but invalid; `errors` names each field.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PreconditionRequired": {
        "description": "Precondition Required: send If-Match with the ETag from GET.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Too Many Requests: too many failed authentications from this address.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "Service Unavailable: storage failed; nothing was saved. Retry later.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "InsufficientStorage": {
        "description": "Insufficient Storage: the disk is full; nothing was saved.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "parameters": {
      "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "schema": {
          "type": "string"
        },
        "description": "An ETag from an earlier response: 304 when unchanged."
      },
      "IfMatchForChange": {
        "name": "If-Match",
        "in": "header",
        "required": false,
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "description": "The record's ETag from GET. Needed to change a record: 428 without it, 412 when stale; `*` matches any version. (Declared optional so that its absence is answered, as RFC 6585 says, with 428.)"
      },
      "IfMatch": {
        "name": "If-Match",
        "in": "header",
        "required": false,
        "schema": {
          "type": "string"
        },
        "description": "The record's ETag (required to change it: 428 without, 412 when stale)."
      },
      "RecordId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{5,9}$",
          "examples": [
            "2026-00001"
          ]
        },
        "description": "The record id: the year and serial of its 索引号."
      },
      "ItemId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]{1,32}$",
          "examples": [
            "35"
          ]
        },
        "description": "`N` or `N-k` (序号 and row within it)."
      },
      "Year": {
        "name": "year",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^(19[0-9]{2}|[2-9][0-9]{3})$",
          "examples": [
            "2026"
          ]
        },
        "description": "Four digits, 1900–9999."
      },
      "YearQuery": {
        "name": "year",
        "in": "query",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 1900,
          "maximum": 9999
        },
        "description": "Default: this year (China time)."
      }
    },
    "headers": {
      "X-Request-Id": {
        "description": "The client's X-Request-Id when it is a sane token (1–128 of `A-Za-z0-9-_.:`), else a generated one. Also in the access log.",
        "required": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        }
      },
      "X-Request-Id-Echoed": {
        "description": "The client's X-Request-Id when it sent a sane one. The cached catalogue answers are built once per catalogue version and carry no generated id.",
        "required": false,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        }
      },
      "ETag": {
        "description": "Strong entity tag; send it back in If-None-Match (reads) or If-Match (record changes).",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^(W/)?\".*\"$"
        }
      },
      "Cache-Control": {
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "Location": {
        "description": "The new resource.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "WWW-Authenticate": {
        "description": "`Bearer realm=\"gongkai\"`",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^Bearer"
        }
      },
      "Retry-After": {
        "description": "Seconds to wait.",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      },
      "Allow": {
        "description": "The methods the path supports.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "Content-Disposition": {
        "description": "`attachment` with an ASCII `filename` and a UTF-8 `filename*` (RFC 6266, RFC 8187).",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^attachment; filename=\".*\"; filename\\*=UTF-8''"
        }
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "An admin (办公室) or office (科室) token created with `gongkai token create`."
      }
    }
  }
}
"""#
}

enum OpenAPIHandlers {
    /// `GET /api/v1/openapi.json`.
    static func document(_ ctx: RequestContext) throws -> HTTPResponse {
        _ = try QueryReader(ctx.request, allowed: [])
        return Responses.json(OpenAPIDocument.bytes, etag: OpenAPIDocument.etag)
    }
}
