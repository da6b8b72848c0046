using System.Net;
using System.Net.Sockets;

namespace Roadmap.Api.Tests.Cluster;

/// <summary>
/// A TCP relay on a free loopback port to a server, which a test can cut (every connection closed, new ones refused,
/// as when the server goes down) and restore: a database outage without stopping the shared test server.
/// </summary>
public sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    public CuttableTcpProxy(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Port = TestRedis.FreePort();
        Restore();
    }

    public int Port { get; }

    /// <summary>Closes every relayed connection and stops listening: connections are refused until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _cut.Dispose();
            _cut = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _ = AcceptAsync(_listener, _cut.Token);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cut);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound, cut);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken cut)
    {
        var outbound = new TcpClient();
        lock (_gate)
        {
            if (cut.IsCancellationRequested)
            {
                inbound.Dispose();
                outbound.Dispose();
                return;
            }

            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(_target, cut);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cut);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), linked.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), linked.Token);
            await Task.WhenAny(up, down);
            await linked.CancelAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Cut, or one side closed: both are closed below.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _cut.Dispose();
        return ValueTask.CompletedTask;
    }
}
