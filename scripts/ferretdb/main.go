// Command ferretdb starts the embedded FerretDB (SQLite backend) for the platform.
//
// It accepts the flags of FerretDB's own command that the platform uses, so the
// Node side can start either binary the same way.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	handler := flag.String("handler", "sqlite", "backend handler (only sqlite is supported here)")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite database directory URL")
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP listen address")
	stateDir := flag.String("state-dir", ".", "state directory (kept for flag compatibility; state is in memory)")
	telemetry := flag.String("telemetry", "disable", "telemetry: only 'disable' is accepted")
	debugAddr := flag.String("debug-addr", "-", "debug listener: only '-' (none) is accepted")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	watchStdin := flag.Bool("exit-on-stdin-close", false, "exit when standard input closes (the parent process died)")
	flag.Parse()

	_ = stateDir
	if *telemetry != "disable" {
		fatal("telemetry must stay disabled (--telemetry=disable)")
	}
	if *debugAddr != "-" {
		fatal("the debug listener is not available in the embedded build (--debug-addr=-)")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fatal("bad --log-level: " + err.Error())
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr},
		Handler:   *handler,
		SQLiteURL: *sqliteURL,
		Logger:    logger,
	})
	if err != nil {
		fatal(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		// A parent killed with SIGKILL cannot stop us; the closing of the pipe it
		// held is the one signal that always arrives.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	fmt.Fprintf(os.Stderr, "ferretdb listening on %s\n", *listenAddr)
	if err := f.Run(ctx); err != nil {
		fatal(err.Error())
	}
}

func fatal(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb:", msg)
	os.Exit(2)
}
