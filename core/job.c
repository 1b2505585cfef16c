/* The job module's helpers that every stage calls (content/, meta/, nlp/):
 * kept apart from the pipeline in lede.c so that a stage depends on the job,
 * never on the pipeline that runs it. */
#include <string.h>
#include <time.h>

#include "job.h"

/* Room for the warnings a page can earn; codes are deduplicated. */
#define JOB_MAX_WARNINGS 16

void job_warn(lede_job *job, const char *code) {
    lede_result *res = job->res;
    for (size_t i = 0; i < res->n_warnings; i++)
        if (!strcmp(res->warnings[i], code))
            return;
    if (!res->warnings) {
        res->warnings = arena_calloc(job->arena, JOB_MAX_WARNINGS, sizeof *res->warnings);
        if (!res->warnings)
            return;
    }
    if (res->n_warnings < JOB_MAX_WARNINGS)
        res->warnings[res->n_warnings++] = code;
}

double job_clock_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}
