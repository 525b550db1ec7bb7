/* user/bin/false.c — false — fail. */
int main(void)
{
	return 1;
}
