import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community (the real database engine, from Maven Central) with its Bolt connector
 * on loopback. Configuration comes from environment variables so the Node side owns it:
 *   KINLINE_NEO4J_HOME      data directory (created if missing)
 *   KINLINE_NEO4J_PORT      Bolt port on 127.0.0.1
 *   KINLINE_NEO4J_PAGECACHE page cache size in MiB
 *   KINLINE_NEO4J_TX_MEMORY  max memory of all transactions in MiB (0 = unlimited)
 *   KINLINE_NEO4J_PASSWORD  password of the user neo4j (required: authentication is always on)
 * Prints "KINLINE_NEO4J_READY <port> <version>" once Bolt accepts connections.
 * Shuts down cleanly on SIGTERM and when standard input closes, which is how it notices that its
 * parent process died (the parent keeps the pipe open for as long as it lives).
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("KINLINE_NEO4J_HOME", "data/neo4j")).toAbsolutePath();
        int port = Integer.parseInt(env("KINLINE_NEO4J_PORT", "7687"));
        long pageCacheMiB = Long.parseLong(env("KINLINE_NEO4J_PAGECACHE", "256"));
        long txMemoryMiB = Long.parseLong(env("KINLINE_NEO4J_TX_MEMORY", "0"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                // Any local process can reach loopback: Bolt asks for the generated password.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMiB * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemoryMiB * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                .build();

        Thread shutdown = new Thread(() -> {
            System.out.println("KINLINE_NEO4J_STOPPING");
            dbms.shutdown();
            System.out.println("KINLINE_NEO4J_STOPPED");
            System.out.flush();
            // The database is closed and flushed; other libraries' hooks (logging, Netty) can
            // keep the JVM alive for minutes after SIGTERM, so end it here.
            Runtime.getRuntime().halt(0);
        });
        Runtime.getRuntime().addShutdownHook(shutdown);

        setPassword(dbms, requiredEnv("KINLINE_NEO4J_PASSWORD"));
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        System.out.println("KINLINE_NEO4J_READY " + port + " " + Version.getNeo4jVersion());
        System.out.flush();

        if (!"false".equals(env("KINLINE_NEO4J_WATCH_STDIN", "true"))) {
            waitForEndOfInput(System.in);
            System.exit(0); // runs the shutdown hook
        }
        Thread.currentThread().join();
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; we only wait for the pipe to close
            }
        } catch (Exception ignored) {
            // a broken pipe means the same thing as end of input
        }
    }

    /**
     * Sets the password of the user neo4j on every start, so the password file the Node side keeps
     * is always the one in force. Embedded transactions run in-process, without authentication.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException error) {
            // Neo4j refuses to set the password it already has: that is the state we want.
            if (!String.valueOf(error.getMessage()).contains("cannot be the same")) throw error;
        }
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) throw new IllegalStateException(name + " is not set");
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
