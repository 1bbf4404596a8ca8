# Perl compute loop: integers, hashes, regexes.
my ($acc, %h) = (0);
for my $i (1 .. 1_000_000) { $acc = ($acc * 31 + $i) % 1_000_000_007; $h{$i % 997} += $i; }
my $s = join(",", map { $_ * 7 } 1 .. 50_000);
my $n = () = $s =~ /7,/g;
print "$acc ", length($s), " $n\n";
