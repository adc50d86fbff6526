// zlib's gzip file API: recordings are written plain or gzip-compressed, and read either way.
#include <zlib.h>
