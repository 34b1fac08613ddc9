/* The C reference for the benchmark: libmicrohttpd serving one file's bytes, nothing else.
 * Same daemon shape as Gongkai (internal polling thread pool + epoll, and Gongkai's default
 * thread count: two per CPU in the affinity mask, so 2 when pinned to one core), the same
 * body and the same content headers; answers on the second handler call so keep-alive lives
 * (0.9.75 closes connections answered on the first call).
 * Build: cc -O2 ref_server.c $(pkg-config --cflags --libs libmicrohttpd) -o ref_server
 * Usage: ref_server FILE  → prints "ref listening on http://127.0.0.1:PORT" (port picked by the OS) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <sched.h>
#include <netinet/in.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *body;
static size_t body_size;
static int marker;

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state) {
  (void)cls; (void)url; (void)version; (void)upload;
  if (*state == NULL) { *state = &marker; return MHD_YES; }  /* headers only: answer on the next call */
  if (*upload_size != 0) { *upload_size = 0; return MHD_YES; }
  if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) return MHD_NO;
  struct MHD_Response *r = MHD_create_response_from_buffer(body_size, body, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  MHD_add_response_header(r, "ETag", "\"c1-reference\"");
  MHD_add_response_header(r, "Cache-Control", "public, no-cache");
  MHD_add_response_header(r, "Vary", "Accept-Encoding");
  enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ok;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END); body_size = (size_t)ftell(f); rewind(f);
  body = malloc(body_size);
  if (fread(body, 1, body_size, f) != body_size) { perror("read"); return 1; }
  fclose(f);
  sigset_t stop; sigemptyset(&stop); sigaddset(&stop, SIGINT); sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);  /* MHD's threads inherit the mask; sigwait below */
  cpu_set_t cpus;
  unsigned threads = sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? 2u * (unsigned)CPU_COUNT(&cpus) : 2u;
  if (threads > 64) threads = 64;
  struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
  struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL, handle, NULL,
      MHD_OPTION_SOCK_ADDR, &addr, MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, 1024u,
      MHD_OPTION_CONNECTION_TIMEOUT, 15u, MHD_OPTION_END);
  if (!d) { fprintf(stderr, "MHD_start_daemon failed\n"); return 1; }
  printf("ref listening on http://127.0.0.1:%u\n", MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port);
  fflush(stdout);
  int sig; sigwait(&stop, &sig);
  MHD_stop_daemon(d);
  free(body);
  return 0;
}
