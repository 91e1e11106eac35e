using CdsBone.Cli;
using CdsBone.Cli.Commands;

return await CliApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
