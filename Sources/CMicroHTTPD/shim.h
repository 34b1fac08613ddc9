/* Shim over libmicrohttpd for Swift: only what Swift cannot call directly.
 * Builds against 0.9.75 (Debian 12) and 1.0.x; no .c files. */
#ifndef GONGKAI_CMICROHTTPD_SHIM_H
#define GONGKAI_CMICROHTTPD_SHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* microhttpd.h describes the URI-log callback only in prose (no typedef in 0.9.75),
 * so name its type here to give Swift a typed parameter instead of an intptr_t slot. */
typedef void *(*gk_uri_log_callback)(void *cls,
                                     const char *uri,
                                     struct MHD_Connection *connection);

/* MHD_start_daemon is variadic, which Swift cannot call. The five callbacks are typed
 * parameters (so Swift never casts a function pointer into MHD_OptionItem.value) and share
 * one closure `cls`; the integer limits arrive as an MHD_OptionItem array terminated by
 * MHD_OPTION_END. The port comes from bind_address (MHD ignores `port` with SOCK_ADDR);
 * MHD binds during this call, so bind_address need only live until it returns. */
static inline struct MHD_Daemon *
gk_start_daemon (unsigned int flags,
                 const struct sockaddr *bind_address,
                 MHD_AccessHandlerCallback access_handler,
                 MHD_RequestCompletedCallback completed_handler,
                 MHD_NotifyConnectionCallback connection_notifier,
                 gk_uri_log_callback uri_logger,
                 MHD_LogCallback error_logger,
                 void *cls,
                 struct MHD_OptionItem *options)
{
  return MHD_start_daemon (flags, 0, NULL, NULL,
                           access_handler, cls,
                           MHD_OPTION_EXTERNAL_LOGGER, error_logger, cls,
                           MHD_OPTION_SOCK_ADDR, bind_address,
                           MHD_OPTION_NOTIFY_COMPLETED, completed_handler, cls,
                           MHD_OPTION_NOTIFY_CONNECTION, connection_notifier, cls,
                           MHD_OPTION_URI_LOG_CALLBACK, uri_logger, cls,
                           MHD_OPTION_ARRAY, options,
                           MHD_OPTION_END);
}

/* MHD_get_daemon_info is variadic; this returns the bound port (0 if unavailable),
 * which is how a daemon started on port 0 reports its ephemeral port. */
static inline uint16_t
gk_daemon_port (struct MHD_Daemon *daemon)
{
  const union MHD_DaemonInfo *info =
    MHD_get_daemon_info (daemon, MHD_DAEMON_INFO_BIND_PORT);
  return (NULL == info) ? 0 : info->port;
}

/* MHD_get_daemon_info is variadic; this returns the number of open connections
 * (a debugging aid for leak tests; MHD reads it without locking). */
static inline unsigned int
gk_daemon_connection_count (struct MHD_Daemon *daemon)
{
  const union MHD_DaemonInfo *info =
    MHD_get_daemon_info (daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
  return (NULL == info) ? 0 : info->num_connections;
}

/* MHD_get_connection_info is variadic; this returns the peer's address, or NULL. */
static inline const struct sockaddr *
gk_client_address (struct MHD_Connection *connection)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return (NULL == info) ? NULL : info->client_addr;
}

/* MHD_get_connection_info is variadic; this returns what the connection-notify callback
 * stored in *socket_context when the connection started (NULL if nothing). */
static inline void *
gk_socket_context (struct MHD_Connection *connection)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return (NULL == info) ? NULL : info->socket_context;
}

#endif /* GONGKAI_CMICROHTTPD_SHIM_H */
