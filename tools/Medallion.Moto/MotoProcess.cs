using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Medallion.Moto;

/// <summary>
/// A real moto server (S3, EMR Serverless, Step Functions, SNS) on a free loopback port: moto's own
/// server app, as <c>python3 -m moto.server -H 127.0.0.1 -p PORT</c> runs it, started through the
/// embedded <c>moto_server.py</c> for the switches in <see cref="MotoOptions"/>. Killed on dispose.
/// </summary>
public sealed class MotoProcess : IDisposable
{
    private const string LauncherResource = "Medallion.Moto.moto_server.py";
    private const string InstallHint = "Install Python 3 and moto 5.2.1 with its server extra (pip install 'moto[server]==5.2.1').";
    private const int LogLines = 100;

    private readonly Process _process;
    private readonly Queue<string> _log = new();

    private MotoProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The endpoint AWS clients point at (path-style).</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts moto and waits until it listens; for fixture constructors, which cannot await.</summary>
    /// <remarks>See <see cref="StartAsync"/> for what it throws.</remarks>
    public static MotoProcess Start(MotoOptions options) =>
        // StartAsync never resumes on the caller's synchronization context, so blocking here cannot deadlock.
        StartAsync(options).GetAwaiter().GetResult();

    /// <summary>Starts moto and waits until it listens.</summary>
    /// <param name="options">The server's switches.</param>
    /// <param name="cancellationToken">Stops waiting (and the server).</param>
    /// <remarks>
    /// Throws <see cref="InvalidOperationException"/> when python3 cannot start, or moto exits or
    /// does not listen within <see cref="MotoOptions.StartTimeout"/> (with what it said on stderr).
    /// </remarks>
    public static async Task<MotoProcess> StartAsync(MotoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var port = FreePort();
        var moto = new MotoProcess(StartPython(Arguments(options, port)), port);
        try
        {
            await moto.WaitUntilListeningAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return moto;
        }
        catch
        {
            moto.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static List<string> Arguments(MotoOptions options, int port)
    {
        List<string> arguments = ["-c", Launcher(), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)];
        if (options.SerializeMutations)
        {
            arguments.Add("--serialize-mutations");
        }

        if (options.Latency > TimeSpan.Zero)
        {
            arguments.AddRange(["--latency", options.Latency.TotalSeconds.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    private static Process StartPython(List<string> arguments)
    {
        var start = new ProcessStartInfo("python3", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"python3 did not start for the moto server. {InstallHint}");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"Could not start python3 for the moto server. {InstallHint}", error);
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Drain both pipes so the server never blocks on a full one; keep the end of stderr (moto's
        // request log and any start-up error) for the message when it fails.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!await IsListeningAsync(Port, cancellationToken).ConfigureAwait(false))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The moto server exited with code {_process.ExitCode} before listening. {InstallHint} It said:\n{Said()}");
            }

            if (waited.Elapsed > timeout)
            {
                throw new InvalidOperationException($"The moto server did not listen on 127.0.0.1:{Port} within {timeout.TotalSeconds} s. It said:\n{Said()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > LogLines)
            {
                _log.Dequeue();
            }
        }
    }

    private string Said()
    {
        lock (_log)
        {
            return string.Join('\n', _log);
        }
    }

    private static string Launcher()
    {
        using var resource = typeof(MotoProcess).Assembly.GetManifestResourceStream(LauncherResource)
            ?? throw new InvalidOperationException($"The resource {LauncherResource} is missing from {typeof(MotoProcess).Assembly.GetName().Name}; the build embeds it.");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
