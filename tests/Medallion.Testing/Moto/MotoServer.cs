using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Medallion.Testing.Moto;

/// <summary>
/// A real moto server (S3, EMR Serverless, Step Functions, SNS) on a free loopback port (moto's own
/// server app, launched by moto_server.py so that state changes are atomic as on AWS), started
/// once per test assembly through a collection fixture and stopped when the tests end. When it
/// cannot start, the tests fail with what to install; they never skip.
/// </summary>
public sealed class MotoServer : IDisposable
{
    /// <summary>The credentials every test client uses; moto accepts any.</summary>
    public const string AccessKey = "medallion-test-key";
    public const string SecretKey = "medallion-test-secret";
    public const string Region = "us-east-1";

    private readonly Process _process;
    private readonly List<string> _log = [];

    public MotoServer()
    {
        Port = FreePort();
        // moto_server.py runs moto's own server app, serializing state changes (see the script for why).
        var script = Path.Combine(AppContext.BaseDirectory, "Moto", "moto_server.py");
        var start = new ProcessStartInfo("python3", [script, "127.0.0.1", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException(
                "Could not start python3 for the moto server. Install Python 3 and moto 5.2.1 with its server extra (pip install 'moto[server]==5.2.1').", error);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_log) { _log.Add(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening(TimeSpan.FromSeconds(30));
    }

    public int Port { get; }

    /// <summary>The endpoint every AWS client in the tests points at.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Forgets every bucket, job run and execution (moto's reset API), for tests that need a clean server.</summary>
    public void Reset()
    {
        using var client = new HttpClient();
        client.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
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

    private void WaitUntilListening(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The moto server exited with code {_process.ExitCode} before listening. Install moto 5.2.1 with its server extra " +
                    $"(pip install 'moto[server]==5.2.1'). It said:\n{string.Join('\n', Snapshot())}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"The moto server did not listen on port {Port} within {timeout.TotalSeconds} s. It said:\n{string.Join('\n', Snapshot())}");
    }

    private List<string> Snapshot()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
