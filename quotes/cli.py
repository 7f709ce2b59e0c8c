"""The `quotes` command line: one click group."""
import click


@click.group()
@click.version_option(package_name="quotes")
def main():
    """Arabic quotation attribution: who said what, in what capacity."""
