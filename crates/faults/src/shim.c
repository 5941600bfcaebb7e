/*
 * An LD_PRELOAD shim for spona-faults (built by the harness at run time; never part of Spona).
 *
 * While a flag file exists in $FAULTS_SHIM_FLAGS (named EIO or EROFS), every write and sync
 * of a file under $FAULTS_SHIM_DATA fails with that errno, as a failing or read-only disk
 * would make it fail. SQLite is compiled into spona but reaches these functions
 * through the dynamic linker, so they can be interposed. Other descriptors (sockets, the
 * log) pass through untouched.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int flag_set(const char *flags, const char *name) {
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", flags, name);
    return stat(path, &st) == 0;
}

/* The errno to fail with for this descriptor, or 0 to let the call through. */
static int fault_for(int fd) {
    const char *data = getenv("FAULTS_SHIM_DATA");
    const char *flags = getenv("FAULTS_SHIM_FLAGS");
    if (data == NULL || flags == NULL) return 0;
    int err = flag_set(flags, "EIO") ? EIO : flag_set(flags, "EROFS") ? EROFS : 0;
    if (err == 0) return 0;
    char link[64];
    char path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = '\0';
    size_t len = strlen(data);
    if (strncmp(path, data, len) != 0) return 0;
    if (path[len] != '/' && path[len] != '\0') return 0;
    return err;
}

#define PASS(ret, name, params, args, fd)                              \
    ret name params {                                                  \
        static ret (*real) params;                                     \
        if (real == NULL) real = (ret (*) params) dlsym(RTLD_NEXT, #name); \
        int err = fault_for(fd);                                       \
        if (err != 0) {                                                \
            errno = err;                                               \
            return -1;                                                 \
        }                                                              \
        return real args;                                              \
    }

PASS(ssize_t, write, (int fd, const void *buf, size_t n), (fd, buf, n), fd)
PASS(ssize_t, pwrite, (int fd, const void *buf, size_t n, off_t at), (fd, buf, n, at), fd)
PASS(ssize_t, pwrite64, (int fd, const void *buf, size_t n, off64_t at), (fd, buf, n, at), fd)
PASS(ssize_t, writev, (int fd, const struct iovec *iov, int k), (fd, iov, k), fd)
PASS(ssize_t, pwritev, (int fd, const struct iovec *iov, int k, off_t at), (fd, iov, k, at), fd)
PASS(int, fsync, (int fd), (fd), fd)
PASS(int, fdatasync, (int fd), (fd), fd)
PASS(int, ftruncate, (int fd, off_t len), (fd, len), fd)
