// zlib, for precompressing response bodies once per version (Content-Encoding: gzip).
#include <zlib.h>
