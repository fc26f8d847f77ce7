/*
 * with_emulator: runs a command against an emulator started from C.
 *
 *     with_emulator [--time-scale X] COMMAND [ARGS...]
 *
 * Starts the default-scenario emulator (libcloudpartner's cloudpartner_emulator_start),
 * exports CLOUDPARTNER_BASE_URL and CLOUDPARTNER_TOKEN, runs COMMAND, stops the emulator
 * and exits with COMMAND's status. The Makefile runs examples/c/status with it.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cloudpartner.h"

int main(int argc, char **argv) {
    int first = 1;
    double time_scale = 0;
    if (argc > 2 && strcmp(argv[1], "--time-scale") == 0) {
        time_scale = strtod(argv[2], NULL);
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: %s [--time-scale X] COMMAND [ARGS...]\n", argv[0]);
        return 2;
    }
    cloudpartner_emulator *emulator = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind =
        time_scale > 0 ? cloudpartner_emulator_start_scaled(NULL, time_scale, &emulator, &err)
                       : cloudpartner_emulator_start(NULL, &emulator, &err);
    if (kind != CLOUDPARTNER_OK) {
        fprintf(stderr, "with_emulator: %s\n", cloudpartner_error_message(err));
        cloudpartner_error_free(err);
        return 1;
    }
    setenv("CLOUDPARTNER_BASE_URL", cloudpartner_emulator_base_url(emulator), 1);
    setenv("CLOUDPARTNER_TOKEN", cloudpartner_emulator_token(emulator), 1);
    fflush(NULL);
    pid_t child = fork();
    if (child == 0) {
        execvp(argv[first], argv + first);
        perror(argv[first]);
        _exit(127);
    }
    int status = 1;
    if (child < 0 || waitpid(child, &status, 0) < 0) {
        perror("with_emulator");
        status = 1 << 8;
    }
    cloudpartner_emulator_free(emulator);
    cloudpartner_shutdown();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
