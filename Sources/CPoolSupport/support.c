#define _GNU_SOURCE
#include "CPoolSupport.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

static uint64_t nanos_of(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t pooltop_monotonic_nanos(void) { return nanos_of(CLOCK_MONOTONIC); }
uint64_t pooltop_thread_cpu_nanos(void) { return nanos_of(CLOCK_THREAD_CPUTIME_ID); }
uint64_t pooltop_process_cpu_nanos(void) { return nanos_of(CLOCK_PROCESS_CPUTIME_ID); }

void pooltop_sleep_until(uint64_t deadline) {
    struct timespec ts;
    ts.tv_sec = (time_t)(deadline / 1000000000ull);
    ts.tv_nsec = (long)(deadline % 1000000000ull);
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
    }
}

void pooltop_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __asm__ __volatile__("pause");
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

struct start_box {
    void (*body)(void *);
    void *context;
};

void pooltop_use_fine_timer_slack(void) {
    // The kernel lets a sleeping thread wake up to 50 µs late by default (timer slack). A pool's
    // simulated I/O is a sleep, so that slack would be measured as pool overhead: use 1 µs.
    (void)prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
}

static void *trampoline(void *raw) {
    struct start_box box = *(struct start_box *)raw;
    free(raw);
    pooltop_use_fine_timer_slack();
    box.body(box.context);
    return NULL;
}

int pooltop_thread_start(void (*body)(void *), void *context, uint64_t stack_bytes) {
    struct start_box *box = malloc(sizeof *box);
    if (box == NULL) return ENOMEM;
    box->body = body;
    box->context = context;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_bytes > 0) pthread_attr_setstacksize(&attr, (size_t)stack_bytes);
    pthread_t thread;
    int rc = pthread_create(&thread, &attr, trampoline, box);
    pthread_attr_destroy(&attr);
    if (rc != 0) free(box);
    return rc;
}

void pooltop_thread_set_name(const char *name) {
    char buffer[16];
    strncpy(buffer, name, sizeof buffer - 1);
    buffer[sizeof buffer - 1] = 0;
    pthread_setname_np(pthread_self(), buffer);
}

int pooltop_cpu_count(void) {
    // glibc answers _SC_NPROCESSORS_ONLN by opening and reading /sys/devices/system/cpu/online,
    // and every snapshot asks (the drawing thread, every frame): read it again at most once a
    // second. Two threads refreshing at once both store the same kind of answer.
    static _Atomic int cached = 0;
    static _Atomic uint64_t read_at = 0;
    uint64_t now = nanos_of(CLOCK_MONOTONIC_COARSE);
    int n = atomic_load_explicit(&cached, memory_order_relaxed);
    if (n <= 0 || now - atomic_load_explicit(&read_at, memory_order_relaxed) >= 1000000000ull) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        n = online > 0 ? (int)online : 1;
        atomic_store_explicit(&cached, n, memory_order_relaxed);
        atomic_store_explicit(&read_at, now, memory_order_relaxed);
    }
    return n;
}

uint64_t pooltop_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return (uint64_t)info.uordblks + (uint64_t)info.hblkhd;
}
