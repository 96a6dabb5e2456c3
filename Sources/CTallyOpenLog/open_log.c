// Logs the files a notebook's program opens for reading (see include/tally_open_log.h).
// Wraps open, open64, openat, openat64, fopen, fopen64 and their fortified variants; each call
// forwards to the C library's own function (dlsym(RTLD_NEXT, …)) after logging, and logging never
// changes what the call does or returns.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int (*open_fn)(const char *, int, ...);
typedef int (*openat_fn)(int, const char *, int, ...);
typedef FILE *(*fopen_fn)(const char *, const char *);

static int log_descriptor = -2;

static void note(const char *path, int writing) {
    if (path == NULL || writing) return;
    int saved = errno;
    if (log_descriptor == -2) {
        const char *log = getenv("TALLY_OPEN_LOG");
        open_fn real = (open_fn)dlsym(RTLD_NEXT, "open");
        log_descriptor = (log && real) ? real(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644) : -1;
    }
    if (log_descriptor >= 0) {
        size_t length = strlen(path);
        char line[4096];
        if (length + 1 < sizeof line) {
            memcpy(line, path, length);
            line[length] = '\n';
            ssize_t ignored = write(log_descriptor, line, length + 1);  // one write: lines never interleave
            (void)ignored;
        }
    }
    errno = saved;
}

static int is_writing(int flags) { return (flags & (O_WRONLY | O_RDWR)) != 0; }

static mode_t mode_argument(int flags, va_list arguments) {
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(arguments, int) : 0;
}

#define WRAP_OPEN(name)                                                        \
    int name(const char *path, int flags, ...) {                               \
        va_list arguments;                                                     \
        va_start(arguments, flags);                                            \
        mode_t mode = mode_argument(flags, arguments);                         \
        va_end(arguments);                                                     \
        note(path, is_writing(flags));                                         \
        open_fn real = (open_fn)dlsym(RTLD_NEXT, #name);                       \
        return real(path, flags, mode);                                        \
    }

#define WRAP_OPENAT(name)                                                      \
    int name(int directory, const char *path, int flags, ...) {                \
        va_list arguments;                                                     \
        va_start(arguments, flags);                                            \
        mode_t mode = mode_argument(flags, arguments);                         \
        va_end(arguments);                                                     \
        if (directory == AT_FDCWD || (path && path[0] == '/')) note(path, is_writing(flags)); \
        openat_fn real = (openat_fn)dlsym(RTLD_NEXT, #name);                   \
        return real(directory, path, flags, mode);                             \
    }

#define WRAP_FOPEN(name)                                                       \
    FILE *name(const char *path, const char *mode) {                           \
        note(path, mode && (strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, '+'))); \
        fopen_fn real = (fopen_fn)dlsym(RTLD_NEXT, #name);                     \
        return real(path, mode);                                               \
    }

WRAP_OPEN(open)
WRAP_OPEN(open64)
WRAP_OPENAT(openat)
WRAP_OPENAT(openat64)
WRAP_FOPEN(fopen)
WRAP_FOPEN(fopen64)

// _FORTIFY_SOURCE turns open(path, flags) into __open_2(path, flags).
int __open_2(const char *path, int flags) { return open(path, flags); }
int __open64_2(const char *path, int flags) { return open64(path, flags); }
int __openat_2(int directory, const char *path, int flags) { return openat(directory, path, flags); }
int __openat64_2(int directory, const char *path, int flags) { return openat64(directory, path, flags); }
