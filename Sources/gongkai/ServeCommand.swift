import ArgumentParser
import Foundation
import GongkaiAPI
import GongkaiStorage
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动 HTTP 服务 (run the HTTP server).",
        discussion: """
        收到 SIGINT 或 SIGTERM 时停止接收新连接，完成进行中的请求后退出 (on SIGINT/SIGTERM: stop accepting, finish in-flight requests, exit 0).
        设置的优先顺序：命令行参数 > 环境变量 > 配置文件 (flags override the environment, which overrides the file):
        GONGKAI_CONFIG, GONGKAI_HOST, GONGKAI_PORT, GONGKAI_DATA_DIR, GONGKAI_PUBLIC_DIR.
        启动后在标准输出打印一行 (prints one line once listening): gongkai listening on http://HOST:PORT

        示例 (examples):
          gongkai serve
          gongkai serve --config /etc/gongkai/config.json
          gongkai serve --host 0.0.0.0 --port 8080 --data-dir /var/lib/gongkai
          GONGKAI_PORT=9000 gongkai serve
        """
    )

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "监听地址 (listen address).")
    var host: String?

    @Option(name: .long, help: "端口，0 表示任选空闲端口 (port; 0 picks a free one).")
    var port: Int?

    func run() throws {
        let config = try options.load(host: host, port: port)
        Logs.bootstrap(level: config.logLevel)
        let logger = Logger(label: "gongkai")
        // Block the stop signals before any server thread exists, so every thread inherits
        // the mask and only sigwait below receives them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let app: GongkaiApp
        do {
            // GONGKAI_FAULTS / GONGKAI_FAULTS_FILE switch on storage fault injection, for the
            // crash-safety scripts only; unset, the real file system is used untouched.
            if let faulty = try FaultInjectingFileSystem.fromEnvironment() {
                logger.warning("storage fault injection is ON (GONGKAI_FAULTS); never use this in production")
                app = try GongkaiApp(config: config, logger: logger, fileSystem: faulty)
            } else {
                app = try GongkaiApp(config: config, logger: logger)
            }
            try app.start()
        } catch {
            logger.critical("无法启动 (cannot start): \(error)")
            throw ExitCode(1)
        }
        // One line on stdout that scripts and tests can wait for.
        FileHandle.standardOutput.write(Data("gongkai listening on http://\(config.host):\(app.port)\n".utf8))
        var received: Int32 = 0
        sigwait(&signals, &received)
        logger.info("signal received, stopping", metadata: ["signal": .stringConvertible(received)])
        app.stop()
        Logs.flush()
    }
}
