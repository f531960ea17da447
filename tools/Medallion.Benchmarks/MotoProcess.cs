using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Medallion.Benchmarks;

/// <summary>
/// A moto S3 server on a free loopback port for the promotion benchmark, killed on dispose. It is
/// moto's own server app, started by the embedded <c>moto_latency.py</c> so that every request
/// can wait a simulated network round trip on the server (see the script for why).
/// </summary>
internal sealed class MotoProcess : IDisposable
{
    private const string LauncherResource = "Medallion.Benchmarks.moto_latency.py";

    private readonly Process _process;

    private MotoProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <param name="latency">How long the server waits in every request before handling it (zero: not at all).</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    /// <exception cref="MedallionException">python3 or moto is missing, or the server did not listen within 30 seconds.</exception>
    public static async Task<MotoProcess> StartAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        var port = FreePort();
        string[] arguments = ["-c", Launcher(), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), latency.TotalSeconds.ToString(CultureInfo.InvariantCulture)];
        var start = new ProcessStartInfo("python3", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MedallionException("benchmark: python3 did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new MedallionException("benchmark: cannot start python3 for moto; install Python 3 and pip install 'moto[server]==5.2.1', or pass --endpoint-url.", error);
        }

        // Drain the request log so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var moto = new MotoProcess(process, new Uri($"http://127.0.0.1:{port}"));
        var waited = Stopwatch.StartNew();
        while (!await IsListeningAsync(port, cancellationToken))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                moto.Dispose();
                throw new MedallionException($"benchmark: moto did not listen on 127.0.0.1:{port} (exited: {process.HasExited}); is moto[server] 5.2.1 installed for python3?");
            }

            await Task.Delay(100, cancellationToken);
        }

        return moto;
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
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
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
